package org.robustecg.io.edf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.robustecg.ecg.Lead;
import org.robustecg.ecg.Record;
import org.robustecg.io.EcgFormatException;

/**
 * A decoded EDF or EDF+ file: its header facts and its ordinary signals (EDF+ annotation signals are not
 * signals and are left out).
 *
 * @param file      where it was read from
 * @param patient   the patient identification field
 * @param recording the recording identification field
 * @param startDate start date as written (dd.mm.yy)
 * @param startTime start time as written (hh.mm.ss)
 * @param plus      true for EDF+ (reserved field starts with "EDF+")
 * @param signals   the ordinary signals
 */
public record EdfFile(Path file, String patient, String recording, String startDate, String startTime, boolean plus,
        List<EdfSignal> signals) {

    public EdfFile {
        signals = List.copyOf(signals);
    }

    /** The signals as one record; all signals must share one sampling frequency. */
    public Record toRecord() throws EcgFormatException {
        List<Lead> leads = new ArrayList<>();
        double fs = signals.isEmpty() ? 0 : signals.get(0).samplingFrequency();
        for (EdfSignal s : signals) {
            if (s.samplingFrequency() != fs) {
                throw new EcgFormatException(file, "signal " + s.label(), "signals have different sampling frequencies ("
                        + fs + " and " + s.samplingFrequency() + " Hz): a record needs one rate");
            }
            leads.add(new Lead(s.label(), s.units(), s.samples()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("patient", patient);
        metadata.put("recording", recording);
        metadata.put("start_date", startDate);
        metadata.put("start_time", startTime);
        String name = file.getFileName().toString().replaceFirst("(?i)\\.edf$", "");
        return new Record(name, fs, leads, metadata);
    }
}
