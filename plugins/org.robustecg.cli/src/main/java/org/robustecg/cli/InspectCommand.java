package org.robustecg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.robustecg.database.Cpsc2018;
import org.robustecg.ecg.AamiClass;
import org.robustecg.ecg.Annotation;
import org.robustecg.ecg.Lead;
import org.robustecg.ecg.Record;
import org.robustecg.io.edf.EdfReader;
import org.robustecg.io.wfdb.AnnotationReader;
import org.robustecg.io.wfdb.SignalSpec;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.io.wfdb.WfdbRecord;
import org.robustecg.io.wfdb.WfdbRecordReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code robustecg inspect}: what a record holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Shows a record: a WFDB record (path to its .hea, or without extension), an EDF file, or an "
                + "original CPSC2018 .mat file: header, signals (format, gain, ADC zero, first value, checksum) and "
                + "annotation counts by symbol and AAMI class.")
final class InspectCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<record>", description = "record path, e.g. mitdb/100 or mitdb/100.hea")
    private Path path;

    @Option(names = "--annotator", defaultValue = "atr",
            description = "annotation file extension of a WFDB record (${DEFAULT-VALUE})")
    private String annotator;

    @Option(names = "--json", description = "print as JSON")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        new OptionChecks(spec).fileName("--annotator", annotator);
        String file = path.getFileName().toString();
        String lower = file.toLowerCase(Locale.ROOT);
        Map<String, Object> result = new LinkedHashMap<>();
        Record record;
        List<Map<String, Object>> signals = new ArrayList<>();
        if (lower.endsWith(".edf")) {
            result.put("format", "EDF");
            record = EdfReader.read(path).toRecord();
        } else if (lower.endsWith(".mat") && !Files.exists(path.resolveSibling(file.substring(0, file.length() - 4) + ".hea"))) {
            result.put("format", "CPSC2018 MATLAB");
            record = Cpsc2018.read(path.getParent() == null ? Path.of(".") : path.getParent(),
                    file.substring(0, file.length() - 4));
        } else {
            String name = lower.endsWith(".hea") || lower.endsWith(".mat") || lower.endsWith(".dat")
                    ? file.substring(0, file.length() - 4) : file;
            Path header = path.resolveSibling(name + ".hea");
            // Checksums are reported, not enforced, so that a damaged record can still be inspected.
            WfdbRecord wfdb = WfdbRecordReader.read(header, new WfdbReadOptions(false, true));
            result.put("format", "WFDB");
            record = wfdb.record();
            for (int i = 0; i < wfdb.signals().size(); i++) {
                SignalSpec s = wfdb.signals().get(i);
                Map<String, Object> signal = new LinkedHashMap<>();
                signal.put("name", record.leads().get(i).name());
                signal.put("file", s.fileName());
                signal.put("format", s.format());
                signal.put("gain", s.adcGain());
                signal.put("units", s.units());
                signal.put("adc_zero", s.adcZero());
                signal.put("first_value", wfdb.digital().isEmpty() ? null : wfdb.digital().get(i)[0]);
                signal.put("initial_value", s.initialValue());
                signal.put("checksum", s.checksum());
                signal.put("checksum_ok", wfdb.checksumMatches(i));
                signals.add(signal);
            }
            Path atr = path.resolveSibling(name + "." + annotator);
            if (Files.isRegularFile(atr)) {
                result.put("annotations", annotationCounts(AnnotationReader.read(atr)));
            }
        }
        result.put("record", record.id());
        result.put("sampling_frequency", record.samplingFrequency());
        result.put("samples", record.length());
        result.put("seconds", record.length() / record.samplingFrequency());
        if (signals.isEmpty()) {
            for (Lead lead : record.leads()) {
                Map<String, Object> signal = new LinkedHashMap<>();
                signal.put("name", lead.name());
                signal.put("units", lead.units());
                signal.put("first_value", lead.samples().length > 0 ? lead.samples()[0] : null);
                signals.add(signal);
            }
        }
        result.put("signals", signals);
        result.put("metadata", record.metadata());
        if (json) {
            Output.json(System.out, result);
        } else {
            print(result);
        }
        return 0;
    }

    private static Map<String, Object> annotationCounts(List<Annotation> annotations) {
        Map<String, Long> bySymbol = new TreeMap<>();
        Map<String, Long> byClass = new LinkedHashMap<>();
        for (AamiClass c : AamiClass.values()) {
            byClass.put(c.name(), 0L);
        }
        for (Annotation a : annotations) {
            bySymbol.merge(a.symbol(), 1L, Long::sum);
            AamiClass.ofSymbol(a.symbol()).ifPresent(c -> byClass.merge(c.name(), 1L, Long::sum));
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", annotations.size());
        counts.put("beats", byClass.values().stream().mapToLong(Long::longValue).sum());
        counts.put("by_symbol", bySymbol);
        counts.put("by_aami_class", byClass);
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> r) {
        System.out.printf("%s record %s: %s Hz, %s samples (%.1f s)%n", r.get("format"), r.get("record"),
                r.get("sampling_frequency"), r.get("samples"), (double) r.get("seconds"));
        for (Map<String, Object> s : (List<Map<String, Object>>) r.get("signals")) {
            StringBuilder line = new StringBuilder("  ");
            s.forEach((k, v) -> line.append(k).append('=').append(v).append("  "));
            System.out.println(line.toString().stripTrailing());
        }
        ((Map<String, String>) r.get("metadata")).forEach((k, v) -> {
            if (!k.equals("comments")) {
                System.out.println("  " + k + ": " + v);
            }
        });
        Map<String, Object> a = (Map<String, Object>) r.get("annotations");
        if (a != null) {
            System.out.println("annotations: " + a.get("total") + ", beats: " + a.get("beats"));
            System.out.println("  by AAMI class: " + a.get("by_aami_class"));
            System.out.println("  by symbol: " + a.get("by_symbol"));
        }
    }
}
