package org.robustecg.ecg;

import java.util.List;
import java.util.Map;

/**
 * A multi-lead ECG recording, decoded and in physical units, independent of its file format.
 *
 * @param id                record name (e.g. "100", "A0001")
 * @param samplingFrequency samples per second of every lead
 * @param leads             the leads, all of the same length
 * @param metadata          free-form facts from the source (age, sex, diagnosis codes, ...)
 */
public record Record(String id, double samplingFrequency, List<Lead> leads, Map<String, String> metadata) {

    public Record {
        leads = List.copyOf(leads);
        metadata = Map.copyOf(metadata);
    }

    public int length() {
        return leads.isEmpty() ? 0 : leads.get(0).length();
    }

    /** The lead with this name, or {@code null}. */
    public Lead lead(String name) {
        for (Lead lead : leads) {
            if (lead.name().equals(name)) {
                return lead;
            }
        }
        return null;
    }
}
