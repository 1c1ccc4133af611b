package org.robustecg.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.robustecg.io.AtomicFiles;
import org.robustecg.metrics.ChannelActivationProfile;
import org.robustecg.metrics.ConfusionMatrix;
import org.robustecg.metrics.RobustnessScore.CurvePoint;

/** PNG charts of robustness studies (JFreeChart, rendered headless). Files are written atomically. */
public final class Charts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** Accuracy (or macro F1) against epsilon, one line per named curve (e.g. "caslcnet / pgd"). */
    public static void robustnessCurves(Map<String, List<CurvePoint>> curves, boolean macroF1, Path png)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        curves.forEach((name, points) -> {
            XYSeries series = new XYSeries(name);
            for (CurvePoint p : points) {
                series.add(p.epsilon(), 100 * (macroF1 ? p.macroF1() : p.accuracy()));
            }
            data.addSeries(series);
        });
        String measure = macroF1 ? "macro F1 (%)" : "accuracy (%)";
        JFreeChart chart = ChartFactory.createXYLineChart(measure + " under attack", "epsilon (l-inf)", measure, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.getRangeAxis().setRange(0, 100);
        write(chart, png);
    }

    /** An input with its adversarial version and the perturbation between them. */
    public static void adversarialExample(float[] clean, float[] adversarial, double samplingFrequency, String title,
            Path png) throws IOException {
        XYSeries c = new XYSeries("clean");
        XYSeries a = new XYSeries("adversarial");
        XYSeries d = new XYSeries("perturbation");
        for (int i = 0; i < clean.length; i++) {
            double t = i / samplingFrequency;
            c.add(t, clean[i]);
            a.add(t, adversarial[i]);
            d.add(t, adversarial[i] - clean[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(c);
        data.addSeries(a);
        data.addSeries(d);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time (s)", "amplitude", data, PlotOrientation.VERTICAL,
                true, false, false);
        write(chart, png);
    }

    /** Channel activation magnitude or frequency, natural vs adversarial, channels by natural frequency. */
    public static void channelActivation(ChannelActivationProfile a, boolean frequency, String title, Path png)
            throws IOException {
        XYSeries natural = new XYSeries("natural");
        XYSeries adversarial = new XYSeries("adversarial");
        double[] n = frequency ? a.naturalFrequency() : a.naturalMagnitude();
        double[] v = frequency ? a.adversarialFrequency() : a.adversarialMagnitude();
        for (int i = 0; i < n.length; i++) {
            natural.add(i, n[i]);
            adversarial.add(i, v[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(natural);
        data.addSeries(adversarial);
        JFreeChart chart = ChartFactory.createXYBarChart(title, "channel (by natural frequency)", false,
                frequency ? "activation frequency" : "mean |activation|", data, PlotOrientation.VERTICAL, true, false,
                false);
        write(chart, png);
    }

    /** A confusion matrix as a shaded grid with counts; rows are true classes, columns predictions. */
    public static void confusionMatrix(ConfusionMatrix m, List<String> classes, String title, Path png)
            throws IOException {
        int k = m.classes();
        int cell = Math.max(40, Math.min(90, 600 / k));
        int margin = 110;
        int size = margin + k * cell + 20;
        BufferedImage image = new BufferedImage(size, size + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("true \\ predicted", 5, margin - 10);
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (int p = 0; p < k; p++) {
                row += m.count(t, p);
            }
            for (int p = 0; p < k; p++) {
                double share = row == 0 ? 0 : m.count(t, p) / (double) row;
                int shade = (int) Math.round(255 * (1 - share));
                g.setColor(new Color(shade, shade, 255));
                int x = margin + p * cell;
                int y = margin + t * cell;
                g.fillRect(x, y, cell, cell);
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1));
                g.drawRect(x, y, cell, cell);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                g.drawString(Long.toString(m.count(t, p)), x + 6, y + cell / 2 + 5);
            }
            g.setColor(Color.BLACK);
            g.drawString(classes.get(t), 10, margin + t * cell + cell / 2 + 5);
            g.drawString(classes.get(t), margin + t * cell + 6, margin - 25);
        }
        g.dispose();
        AtomicFiles.write(png, true, out -> ImageIO.write(image, "png", out));
    }

    private static void write(JFreeChart chart, Path png) throws IOException {
        AtomicFiles.write(png, true, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }
}
