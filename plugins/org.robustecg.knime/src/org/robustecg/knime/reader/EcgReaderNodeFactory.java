package org.robustecg.knime.reader;

import org.robustecg.knime.node.StepNodeFactory;
import org.robustecg.node.reader.EcgReaderStep;

/** The ECG Reader node: records and annotations from WFDB, Kaggle CSV, CPSC2018 or EDF. */
public final class EcgReaderNodeFactory extends StepNodeFactory {

    public EcgReaderNodeFactory() {
        super(new EcgReaderStep());
    }
}
