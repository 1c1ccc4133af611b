package org.robustecg.ops;

/** Where an operation's parameters are offered. */
public enum Face {
    /** The {@code robustecg} command line: a flag per parameter. */
    CLI,
    /** A KNIME node: a dialog field, settings.xml entry and flow variable per parameter. */
    NODE,
    /** A study file: a key per parameter in the operation's section. */
    STUDY
}
