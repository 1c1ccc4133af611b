/**
 * The ranges every numeric setting allows (one declaration the command line, study files and KNIME nodes check
 * against) and safe file names. Depends on nothing else of RobustECG.
 */
package org.robustecg.settings;
