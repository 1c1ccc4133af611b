package org.robustecg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainPredictCommandsTest {

    private static Path mitdb() {
        return TestFixtures.file("mitdb");
    }

    @Test
    void trainsAModelAndPredictsWithIt(@TempDir Path dir) throws Exception {
        Path beats = dir.resolve("beats.npz");
        assertEquals(0, Run.of("beats", "--mitdb", mitdb().toString(), "--records", "100,119,208", "--split", "random",
                "--out", beats.toString()).exitCode());
        Path model = dir.resolve("m.recg");
        Run train = Run.of("train", "--data", dir.resolve("beats-train.npz").toString(), "--per-class", "20",
                "--architecture", "caslcnet", "--loss", "mart", "--epochs", "1", "--batch-size", "32", "--attack-steps",
                "2", "--width", "0.0625", "--out", model.toString(), "--json");
        assertEquals(0, train.exitCode(), train.err());
        JsonObject summary = JsonParser.parseString(train.out()).getAsJsonObject();
        assertEquals(1, summary.getAsJsonArray("history").size());
        assertTrue(Files.isRegularFile(model));

        Path predictions = dir.resolve("p.csv");
        Run predict = Run.of("predict", "--model", model.toString(), "--data", dir.resolve("beats-test.npz").toString(),
                "--out", predictions.toString(), "--json");
        assertEquals(0, predict.exitCode(), predict.err());
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("sample_id,record_id,position,label,prediction,prob_N,prob_S,prob_V,prob_F,prob_Q", lines.get(0));
        JsonObject result = JsonParser.parseString(predict.out()).getAsJsonObject();
        assertEquals(lines.size() - 1, result.get("items").getAsInt());
        double accuracy = result.get("accuracy").getAsDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1);

        // Attack it and score the attack.
        Path attacked = dir.resolve("attack.csv");
        Run attack = Run.of("attack", "--model", model.toString(), "--data", dir.resolve("beats-test.npz").toString(),
                "--attack", "fgsm,pgd,sap", "--eps", "0.1,0.05", "--steps", "2", "--per-class", "3", "--out",
                attacked.toString(), "--plots", dir.resolve("plots").toString(), "--out-adversarial",
                dir.resolve("adversarial.npz").toString(), "--json");
        assertEquals(0, attack.exitCode(), attack.err());
        List<String> attackRows = Files.readAllLines(attacked);
        var adversarial = org.robustecg.data.DatasetFiles.load(dir.resolve("adversarial.npz"));
        var attackedBeats = org.robustecg.data.Splits.sample(org.robustecg.data.DatasetFiles.load(dir.resolve("beats-test.npz")),
                3, 1);
        assertEquals(attackedBeats.size(), adversarial.size());
        float largest = 0;
        for (int i = 0; i < attackedBeats.signals().length; i++) {
            largest = Math.max(largest, Math.abs(attackedBeats.signals()[i] - adversarial.signals()[i]));
        }
        assertTrue(largest > 0 && largest <= 0.1f + 1e-6f, "adversarial within eps 0.1: " + largest);
        // The saved items are those behind the first attack's rows at the largest radius: predicting them gives
        // exactly the predictions the attack recorded.
        Path again = dir.resolve("adversarial-predictions.csv");
        assertEquals(0, Run.of("predict", "--model", model.toString(), "--data", dir.resolve("adversarial.npz")
                .toString(), "--no-probabilities", "--out", again.toString()).exitCode());
        List<String> predicted = Files.readAllLines(again);
        assertEquals("sample_id,record_id,position,label,prediction", predicted.get(0));
        List<String> recorded = attackRowsAt(Files.readAllLines(attacked), "fgsm", "0.1");
        assertEquals(adversarial.size(), recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            assertEquals(recorded.get(i), predicted.get(i + 1).split(",")[4], "item " + i);
        }
        assertEquals("attack,epsilon,sample_id,label,prediction,clean_prediction,linf,l2,snr_db", attackRows.get(0));
        int samples = JsonParser.parseString(attack.out()).getAsJsonObject().get("samples").getAsInt();
        assertEquals(3 * samples * 3, attackRows.size() - 1, "clean + two radii per sample and attack");
        for (String row : attackRows.subList(1, attackRows.size())) {
            String[] cells = row.split(",");
            assertTrue(Double.parseDouble(cells[6]) <= Double.parseDouble(cells[1]) + 1e-6, "l-inf within eps: " + row);
        }
        Run score = Run.of("score", "--predictions", attacked.toString(), "--json");
        assertEquals(0, score.exitCode(), score.err());
        var document = JsonParser.parseString(score.out()).getAsJsonObject();
        var scores = document.getAsJsonArray("attacks");
        // The headline first: the per-beat worst case of the three attacks, never above any of them.
        assertEquals("worst-case", document.get("headline").getAsString());
        assertEquals(4, scores.size());
        var worstCurve = scores.get(0).getAsJsonObject().getAsJsonArray("curve");
        for (var s : scores) {
            var curve = s.getAsJsonObject().getAsJsonArray("curve");
            assertEquals(3, curve.size());
            double clean = curve.get(0).getAsJsonObject().get("accuracy").getAsDouble();
            for (int k = 0; k < 3; k++) {
                var p = curve.get(k).getAsJsonObject();
                double pointAccuracy = p.get("accuracy").getAsDouble();
                assertTrue(pointAccuracy <= clean + 1e-12, "never above clean");
                assertTrue(worstCurve.get(k).getAsJsonObject().get("accuracy").getAsDouble() <= pointAccuracy + 1e-12);
                var interval = p.getAsJsonArray("accuracy_interval");
                assertTrue(interval.get(0).getAsDouble() <= pointAccuracy && pointAccuracy <= interval.get(1).getAsDouble());
            }
            var robust = s.getAsJsonObject().getAsJsonArray("acc_robust_interval_percent");
            double robustAcc = s.getAsJsonObject().get("acc_robust_percent").getAsDouble();
            assertTrue(robust.get(0).getAsDouble() <= robustAcc + 0.01 && robustAcc <= robust.get(1).getAsDouble() + 0.01);
        }
        assertTrue(!score.out().contains("NaN") && !score.out().contains("Infinity"), "strict JSON");
        assertEquals(1, Run.of("score", "--predictions", attacked.toString(), "--eps-max", "0.5").exitCode());
        Path plots = dir.resolve("plots");
        assertEquals(0, Run.of("score", "--predictions", attacked.toString(), "--plots", plots.toString()).exitCode());
        assertTrue(Files.isRegularFile(plots.resolve("accuracy-vs-eps.png")));
        assertTrue(Files.isRegularFile(plots.resolve("example-sap.png")));
        assertTrue(Files.isRegularFile(plots.resolve("confusion-pgd-clean.png")));
        Run channels = Run.of("channels", "--model", model.toString(), "--data", dir.resolve("beats-test.npz").toString(),
                "--steps", "2", "--per-class", "3", "--plots", plots.toString(), "--json");
        assertEquals(0, channels.exitCode(), channels.err());
        assertTrue(Files.isRegularFile(plots.resolve("channel-frequency.png")));
        assertEquals(32, JsonParser.parseString(channels.out()).getAsJsonObject().get("channels").getAsInt());
        Path transferred = dir.resolve("transfer.csv");
        assertEquals(0, Run.of("attack", "--model", model.toString(), "--source-model", model.toString(), "--data",
                dir.resolve("beats-test.npz").toString(), "--attack", "cw,pgd-ecg,apgd", "--eps", "0.1", "--steps", "2",
                "--per-class", "2", "--out", transferred.toString()).exitCode());
        assertTrue(Files.readAllLines(transferred).get(1).startsWith("transfer-cw,"));

        // Data that does not fit the model: a clear error, exit code 1.
        Path other = dir.resolve("other.npz");
        assertEquals(0, Run.of("records", "--cpsc", mitdb().resolveSibling("cpsc2018").resolve("cinc2020").toString(),
                "--reference", mitdb().resolveSibling("cpsc2018").resolve("REFERENCE.csv").toString(), "--crop-length",
                "500", "--padded-length", "600", "--split", "none", "--out", other.toString()).exitCode());
        Run mismatch = Run.of("predict", "--model", model.toString(), "--data", other.toString(), "--out",
                dir.resolve("q.csv").toString());
        assertEquals(1, mismatch.exitCode());
        assertTrue(mismatch.err().contains("lead"), mismatch.err());
        assertEquals(2, Run.of("train", "--data", beats.toString(), "--architecture", "vgg99", "--out", "x.recg")
                .exitCode());
    }

    /** The predictions column of an attack's rows at one radius, in sample order. */
    private static List<String> attackRowsAt(List<String> rows, String attack, String eps) {
        return rows.subList(1, rows.size()).stream().map(r -> r.split(","))
                .filter(c -> c[0].equals(attack) && Double.parseDouble(c[1]) == Double.parseDouble(eps))
                .sorted(java.util.Comparator.comparingInt(c -> Integer.parseInt(c[2]))).map(c -> c[4]).toList();
    }
}
