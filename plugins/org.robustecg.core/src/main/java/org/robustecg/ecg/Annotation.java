package org.robustecg.ecg;

/**
 * One annotation of an annotation file (e.g. MIT {@code .atr}).
 *
 * @param sample  time, as a sample number of the annotated record
 * @param code    annotation code (1..49, see {@code AnnotationCode})
 * @param symbol  the code's mnemonic (e.g. "N", "V", "+")
 * @param subtype the SUB field (0 when absent)
 * @param channel the CHN field (0 when absent)
 * @param num     the NUM field (0 when absent)
 * @param aux     the AUX text (e.g. "(AFIB"), empty when absent
 */
public record Annotation(long sample, int code, String symbol, int subtype, int channel, int num, String aux) {
}
