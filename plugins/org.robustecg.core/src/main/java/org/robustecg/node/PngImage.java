package org.robustecg.node;

/** A PNG image produced by a node (a chart). */
public record PngImage(byte[] bytes, String title) {
}
