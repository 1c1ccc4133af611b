package org.robustecg.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.robustecg.io.AtomicFiles;
import org.robustecg.metrics.Interval;
import org.robustecg.metrics.RobustnessScore;
import org.robustecg.metrics.RobustnessScore.CurvePoint;

/** report.html: one self-contained page (charts embedded as data URIs) with the study's settings and results. */
final class HtmlReport {

    private HtmlReport() {
    }

    static void write(StudyResult r, Path base, Path file) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RobustECG study ")
                .append(esc(r.study().name())).append("</title><style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 8px;text-align:right}"
                + "th{background:#eef}td:first-child,th:first-child{text-align:left}img{max-width:100%}</style></head><body>");
        h.append("<h1>RobustECG study: ").append(esc(r.study().name())).append("</h1>");
        h.append("<p>").append(esc(r.device())).append(", Java ").append(esc(r.java())).append(". ")
                .append(r.trainItems()).append(" training beats, ").append(r.testItems()).append(" test beats. Run time ")
                .append(String.format(Locale.ROOT, "%.1f", r.seconds())).append(" s.</p>");

        h.append("<p>Every figure comes with its 95 % interval: Wilson for accuracies, a bootstrap over the test beats "
                + "for macro F1, ACC_robust and F1_robust. Differences whose intervals overlap are not resolved by "
                + "this many beats.</p>");
        h.append("<h2>Clean test metrics</h2><table><tr><th>model</th><th>accuracy</th><th>balanced accuracy</th>"
                + "<th>macro F1</th><th>training time</th><th>l-inf head: deciding inputs changed, per layer</th></tr>");
        for (StudyResult.ModelResult m : r.models()) {
            h.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(pct(m.accuracy(), m.accuracyInterval()))
                    .append("</td><td>").append(pct(m.balancedAccuracy())).append("</td><td>")
                    .append(pct(m.macroF1(), m.macroF1Interval())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f s%s", m.trainingSeconds(), m.reused() ? " (earlier run)" : ""))
                    .append("</td><td>").append(m.headChanged().isEmpty() ? "-" : String.join(" ",
                            m.headChanged().stream().map(HtmlReport::pct).toList()))
                    .append("</td></tr>");
        }
        h.append("</table>");

        h.append("<h2>Robustness (ACC_robust / F1_robust, eps_max ").append(r.study().score().get("eps_max")).append(")</h2>");
        String headline = r.models().isEmpty() ? "" : r.models().get(0).robustness().attack();
        h.append("<p>The headline is <strong>").append(esc(headline)).append("</strong>: ").append(esc(switch (headline) {
            case RobustnessScore.ENSEMBLE -> "APGD-CE, APGD-T and Square, each run on the beats still unbroken, "
                    + "the per-beat worst case (AutoAttack's evaluation).";
            case RobustnessScore.WORST_CASE -> "per beat, broken if any of the study's attacks broke it (the study "
                    + "lists no ensemble attack).";
            default -> "the study's only attack.";
        })).append(" The single attacks follow; an attack far above the headline overstates robustness.</p>");
        h.append("<table><tr><th>model</th><th>").append(esc(headline)).append(" (headline)</th>");
        for (StudyResult.AttackResult a : r.models().isEmpty() ? List.<StudyResult.AttackResult>of()
                : r.models().get(0).attacks()) {
            if (!a.attack().equals(headline)) {
                h.append("<th>").append(esc(a.attack())).append("</th>");
            }
        }
        h.append("</tr>");
        for (StudyResult.ModelResult m : r.models()) {
            h.append("<tr><td>").append(esc(m.name())).append("</td>").append(robust(m.robustness()));
            for (StudyResult.AttackResult a : m.attacks()) {
                if (!a.attack().equals(headline)) {
                    h.append(robust(a));
                }
            }
            h.append("</tr>");
        }
        h.append("</table>");
        for (int i = 0; i < r.models().size(); i++) {
            for (int j = i + 1; j < r.models().size(); j++) {
                StudyResult.ModelResult a = r.models().get(i);
                StudyResult.ModelResult b = r.models().get(j);
                boolean overlap = a.robustness().accRobustInterval().overlaps(b.robustness().accRobustInterval());
                h.append("<p>").append(esc(a.name())).append(" vs ").append(esc(b.name())).append(": headline ACC_robust ")
                        .append(pct(a.robustness().accRobust())).append(" vs ").append(pct(b.robustness().accRobust()))
                        .append(overlap ? ", intervals overlap: not resolved." : ", intervals do not overlap.")
                        .append("</p>");
            }
        }
        for (StudyResult.ModelResult m : r.models()) {
            for (String w : m.warnings()) {
                h.append("<p><strong>Warning (").append(esc(m.name())).append("):</strong> ").append(esc(w)).append("</p>");
            }
        }

        h.append("<h2>Accuracy at each radius</h2>");
        for (StudyResult.ModelResult m : r.models()) {
            List<StudyResult.AttackResult> all = new java.util.ArrayList<>(List.of(m.robustness()));
            m.attacks().stream().filter(a -> !a.attack().equals(m.robustness().attack())).forEach(all::add);
            for (StudyResult.AttackResult a : all) {
                h.append("<table><tr><th>").append(esc(m.name() + " / " + a.attack())).append("</th>");
                for (CurvePoint p : a.curve()) {
                    h.append("<th>eps ").append(p.epsilon()).append("</th>");
                }
                h.append("</tr><tr><td>accuracy</td>");
                for (CurvePoint p : a.curve()) {
                    h.append("<td>").append(pct(p.accuracy(), p.accuracyInterval())).append("</td>");
                }
                h.append("</tr><tr><td>macro F1</td>");
                for (CurvePoint p : a.curve()) {
                    h.append("<td>").append(pct(p.macroF1(), p.macroF1Interval())).append("</td>");
                }
                h.append("</tr></table>");
            }
        }

        h.append("<h2>Charts</h2>");
        for (Map.Entry<String, String> p : r.plots().entrySet()) {
            byte[] png = Files.readAllBytes(base.resolve(p.getValue()));
            h.append("<h3>").append(esc(p.getKey())).append("</h3><img alt=\"").append(esc(p.getKey()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\">");
        }

        h.append("<h2>Settings</h2><pre>").append(esc(new com.google.gson.GsonBuilder().setPrettyPrinting().create()
                .toJson(r.study()))).append("</pre>");
        h.append("<p>Data: MIT-BIH Arrhythmia Database (Moody and Mark 2001; PhysioNet, Goldberger et al. 2000), "
                + "ODC-By 1.0.</p></body></html>");
        AtomicFiles.write(file, true, o -> o.write(h.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String robust(StudyResult.AttackResult a) {
        return "<td>" + pct(a.accRobust(), a.accRobustInterval()) + " / " + pct(a.f1Robust(), a.f1RobustInterval())
                + "</td>";
    }

    /** "75.00 % [65.69, 82.45]". */
    private static String pct(double v, Interval interval) {
        return String.format(Locale.ROOT, "%.2f %% [%.2f, %.2f]", 100 * v, 100 * interval.low(), 100 * interval.high());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
