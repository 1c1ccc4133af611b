package org.robustecg.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintStream;

/** Machine-readable results of a command: one JSON document on standard output when {@code --json} is given. */
final class Output {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private Output() {
    }

    static void json(PrintStream out, Object result) {
        out.println(GSON.toJson(result));
    }
}
