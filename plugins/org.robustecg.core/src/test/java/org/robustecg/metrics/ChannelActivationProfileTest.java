package org.robustecg.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.report.Charts;

class ChannelActivationProfileTest {

    @Test
    void magnitudesAndFrequenciesByHand() {
        // 2 samples x 3 channels. Natural max |a| = 1.0, threshold 0.5 -> level 0.5.
        float[] natural = {1.0f, 0.2f, -0.6f, 0.4f, 0.1f, 0.7f};
        float[] adversarial = {0.3f, 0.9f, 0.6f, 0.6f, 0.0f, 0.1f};
        ChannelActivationProfile a = ChannelActivationProfile.of(natural, adversarial, 3, 0.5);
        // Natural frequencies: c0 1/2, c1 0, c2 2/2 -> order c2, c0, c1.
        assertArrayEquals(new int[] {2, 0, 1}, a.order());
        assertArrayEquals(new double[] {1.0, 0.5, 0.0}, a.naturalFrequency(), 1e-12);
        // Adversarial above 0.5: c2 {0.6} -> 1/2; c0 {0.6} -> 1/2; c1 {0.9} -> 1/2.
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, a.adversarialFrequency(), 1e-12);
        assertArrayEquals(new double[] {0.65, 0.7, 0.15}, a.naturalMagnitude(), 1e-6);
        assertArrayEquals(new double[] {0.35, 0.45, 0.45}, a.adversarialMagnitude(), 1e-6);
    }

    @Test
    void chartsArePngFiles(@TempDir Path dir) throws Exception {
        Charts.robustnessCurves(Map.of("pgd", List.of(new RobustnessScore.CurvePoint(0, 0.9, 0.8, null, null),
                new RobustnessScore.CurvePoint(0.1, 0.5, 0.4, null, null))), false, dir.resolve("c.png"));
        Charts.confusionMatrix(ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2), List.of("N", "V"), "m",
                dir.resolve("m.png"));
        Charts.adversarialExample(new float[] {0, 1, 0}, new float[] {0.1f, 0.9f, 0.1f}, 125, "beat", dir.resolve("b.png"));
        Charts.channelActivation(ChannelActivationProfile.of(new float[] {1, 0}, new float[] {0, 1}, 2, 0.5), true,
                "ch", dir.resolve("ch.png"));
        for (String name : new String[] {"c.png", "m.png", "b.png", "ch.png"}) {
            BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100, name);
        }
        assertEquals(4, java.nio.file.Files.list(dir).count(), "no temporary files left");
    }
}
