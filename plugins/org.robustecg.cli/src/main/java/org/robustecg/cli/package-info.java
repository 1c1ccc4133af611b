/**
 * The headless command-line runner (picocli): one command per task, one-line errors, exit codes 2 usage, 1 data or
 * I/O, 130 interrupted. A face of the core; may use every core package, never node or knime.
 */
package org.robustecg.cli;
