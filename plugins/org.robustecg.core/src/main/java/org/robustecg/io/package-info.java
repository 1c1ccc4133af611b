/**
 * Reading and writing files safely: atomic writes, strict JSON and the format error that names file and place.
 * Subpackages read ECG formats; io never uses data, models or anything above.
 */
package org.robustecg.io;
