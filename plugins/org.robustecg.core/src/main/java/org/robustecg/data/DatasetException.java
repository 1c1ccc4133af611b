package org.robustecg.data;

/**
 * A dataset that cannot be used: arrays that do not fit together, values a model cannot take (NaN, a label
 * outside the classes, a mask that contradicts the padding), or a split or selection that leaves no items.
 * The message says which array, item or part, and what is allowed. An illegal argument, as the arrays or the
 * split settings given to the code that refuses them are.
 */
public class DatasetException extends IllegalArgumentException {

    public DatasetException(String message) {
        super(message);
    }
}
