package org.robustecg.cli;

import com.google.gson.Gson;
import java.io.PrintStream;
import org.robustecg.io.StrictJson;

/**
 * Machine-readable results of a command: one strict JSON document on standard output when {@code --json} is
 * given (a missing number, e.g. the validation loss of a run without validation data, is null).
 */
final class Output {

    private static final Gson GSON = StrictJson.gson();

    private Output() {
    }

    static void json(PrintStream out, Object result) {
        out.println(GSON.toJson(result));
    }
}
