package org.robustecg.study;

import java.nio.file.Path;
import org.robustecg.io.EcgFormatException;

/**
 * A study file that reads well but whose settings are wrong: an unknown, renamed or out-of-range key or value. Like
 * a wrong option it is the user's to fix (the command line exits with its usage code), unlike a study file that
 * cannot be read or parsed.
 */
public final class StudySettingsException extends EcgFormatException {

    private static final long serialVersionUID = 1L;

    StudySettingsException(Path file, String problem) {
        super(file, null, problem);
    }
}
