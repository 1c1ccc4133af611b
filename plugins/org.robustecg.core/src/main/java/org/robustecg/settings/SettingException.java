package org.robustecg.settings;

/** A setting's value is not allowed; the message names the setting, the value and what is allowed. */
public class SettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SettingException(String message) {
        super(message);
    }
}
