import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackRecord;
import org.robustecg.attack.AttackSettings;
import org.robustecg.attack.Pgd;
import org.robustecg.attack.PgdSettings;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.data.Splits;
import org.robustecg.metrics.Interval;
import org.robustecg.model.AttackTarget;
import org.robustecg.model.Classifier;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.objective.Losses;
import org.robustecg.progress.Progress;

/**
 * Benchmark (not a test): how much robustness each attack leaves on one model at one radius, on balanced test
 * beats. PGD-50 last iterate vs best iterate, APGD-CE, APGD-T, Square and the ensemble, each beat's worst case
 * over the single attacks, and which beats only the gradient-free attack breaks. Run by bench/attack-verdict.sh.
 * Arguments: model.recg test.npz beats-per-class eps queries
 */
public final class AttackVerdict {

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        int perClass = Integer.parseInt(args[2]);
        double eps = Double.parseDouble(args[3]);
        int queries = Integer.parseInt(args[4]);
        Dataset test = Splits.perClass(DatasetFiles.load(Path.of(args[1])), perClass, 1).test();
        int n = test.size();
        Map<String, boolean[]> broken = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (TrainedModel model = ModelFile.load(modelFile)) {
            float lower = model.info().lower();
            float upper = model.info().upper();
            long t0 = System.nanoTime();
            broken.put("pgd-50 (last iterate)", lastIteratePgd(model, test, eps, 50, lower, upper));
            seconds.put("pgd-50 (last iterate)", (System.nanoTime() - t0) / 1e9);
            run(model, test, eps, "pgd-50 (best iterate)", AttackSettings.defaults(AttackKind.PGD, lower, upper)
                    .toBuilder().steps(50).build(), broken, seconds);
            run(model, test, eps, "apgd-ce-100", AttackSettings.defaults(AttackKind.APGD, lower, upper), broken,
                    seconds);
            run(model, test, eps, "apgd-t-100 (4 targets)", AttackSettings.defaults(AttackKind.APGD_T, lower, upper),
                    broken, seconds);
            run(model, test, eps, "square-" + queries, AttackSettings.defaults(AttackKind.SQUARE, lower, upper)
                    .toBuilder().queries(queries).build(), broken, seconds);
            run(model, test, eps, "ensemble", AttackSettings.defaults(AttackKind.ENSEMBLE, lower, upper)
                    .toBuilder().queries(queries).build(), broken, seconds);
        }
        boolean[] worst = new boolean[n];
        boolean[] byGradient = new boolean[n];
        boolean[] bySquare = broken.get("square-" + queries);
        for (Map.Entry<String, boolean[]> e : broken.entrySet()) {
            if (e.getKey().equals("ensemble")) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                worst[i] |= e.getValue()[i];
                if (!e.getKey().startsWith("square")) {
                    byGradient[i] |= e.getValue()[i];
                }
            }
        }
        broken.put("worst case of the single attacks", worst);
        System.out.printf(Locale.ROOT, "%d balanced test beats (%d per class), eps %s, model %s%n%n", n, perClass, eps,
                modelFile.getFileName());
        System.out.println("| attack | accuracy at eps " + eps + " | 95 % interval (Wilson) | time |");
        System.out.println("|---|---|---|---|");
        double bestSingle = 1;
        for (Map.Entry<String, boolean[]> e : broken.entrySet()) {
            int right = n - count(e.getValue());
            Interval ci = Interval.wilson(right, n);
            Double s = seconds.get(e.getKey());
            System.out.printf(Locale.ROOT, "| %s | %.1f %% | %s | %s |%n", e.getKey(), 100.0 * right / n, ci.percent(),
                    s == null ? "-" : String.format(Locale.ROOT, "%.0f s", s));
            if (!e.getKey().equals("ensemble") && !e.getKey().startsWith("worst")) {
                bestSingle = Math.min(bestSingle, right / (double) n);
            }
        }
        int onlySquare = 0;
        int onlyGradient = 0;
        for (int i = 0; i < n; i++) {
            onlySquare += bySquare[i] && !byGradient[i] ? 1 : 0;
            onlyGradient += byGradient[i] && !bySquare[i] ? 1 : 0;
        }
        double ensemble = 1 - count(broken.get("ensemble")) / (double) n;
        System.out.printf(Locale.ROOT, "%nbeats broken only by square: %d; only by gradient attacks: %d%n", onlySquare,
                onlyGradient);
        System.out.printf(Locale.ROOT, "ensemble %.1f %% vs best single attack %.1f %%: %s%n", 100 * ensemble,
                100 * bestSingle, ensemble <= bestSingle ? "no higher (as required)" : "HIGHER");
    }

    private static void run(TrainedModel model, Dataset test, double eps, String name, AttackSettings settings,
            Map<String, boolean[]> broken, Map<String, Double> seconds) {
        long t0 = System.nanoTime();
        List<AttackRecord> rows = RobustnessEvaluation.rows(model, test, settings, new double[] {eps}, 128,
                Progress.NONE);
        boolean[] b = new boolean[test.size()];
        for (AttackRecord r : rows) {
            if (r.epsilon() > 0) {
                b[r.sampleId()] = !r.prediction().equals(r.label()) || !r.cleanPrediction().equals(r.label());
            }
        }
        broken.put(name, b);
        seconds.put(name, (System.nanoTime() - t0) / 1e9);
        System.err.printf(Locale.ROOT, "%s: %d of %d broken (%.0f s)%n", name, count(b), b.length,
                seconds.get(name));
    }

    /** Madry PGD as it was: the last iterate of 50 steps of eps / 4 from a random start. */
    private static boolean[] lastIteratePgd(TrainedModel model, Dataset test, double eps, int steps, float lower,
            float upper) {
        boolean[] b = new boolean[test.size()];
        AttackTarget target = model.classifier();
        try (Classifier.Frozen frozen = model.classifier().frozen()) {
            for (int from = 0; from < test.size(); from += 128) {
                int to = Math.min(test.size(), from + 128);
                try (NDManager scratch = model.manager().newSubManager()) {
                    Batch batch = Batch.of(test, Batch.range(from, to), scratch);
                    Engine.getInstance().setRandomSeed(1 + from);
                    int[] clean = predict(target, batch.x(), batch.mask());
                    NDArray adversarial = Pgd.perturb(target, batch.x(), batch.mask(),
                            new PgdSettings(eps, eps / 4, steps, true, lower, upper),
                            out -> Losses.crossEntropy(out.get(0), batch.labels()));
                    int[] predicted = predict(target, adversarial, batch.mask());
                    for (int i = 0; i < predicted.length; i++) {
                        int label = test.labels()[from + i];
                        b[from + i] = predicted[i] != label || clean[i] != label;
                    }
                }
            }
        }
        System.err.printf(Locale.ROOT, "pgd-50 last iterate: %d of %d broken%n", count(b), b.length);
        return b;
    }

    private static int[] predict(AttackTarget target, NDArray x, NDArray mask) {
        return target.forward(x, mask).get(0).argMax(1).toType(DataType.INT32, false).toIntArray();
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }
}
