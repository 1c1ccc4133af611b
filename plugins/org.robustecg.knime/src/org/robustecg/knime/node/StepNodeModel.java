package org.robustecg.knime.node;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.robustecg.engine.Engines;
import org.robustecg.knime.port.ModelPortObject;
import org.robustecg.knime.port.ModelPortObjectSpec;
import org.robustecg.model.EpochRecord;
import org.robustecg.node.ModelPort;
import org.robustecg.node.ModelPortSpec;
import org.robustecg.node.NodeStep;
import org.robustecg.node.PngImage;
import org.robustecg.ops.Values;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.progress.CancelledException;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;
import org.robustecg.train.TrainingListener;

/**
 * The node model of every RobustECG node: KNIME settings and ports in, the core step, KNIME ports out. DJL runs
 * with its own class loader as the thread's context class loader (how DJL finds its engine inside OSGi).
 */
public class StepNodeModel extends NodeModel {

    private static final String HISTORY = "training_history";

    private final NodeStep step;
    private final StepSettings settings;
    private final List<EpochRecord> epochs = new CopyOnWriteArrayList<>();

    public StepNodeModel(NodeStep step) {
        super(types(step.inputs()), types(step.outputs()));
        this.step = step;
        this.settings = new StepSettings(step.schema());
    }

    static PortType[] types(List<Port> ports) {
        return ports.stream().map(p -> switch (p.kind()) {
            case TABLE -> p.optional() ? BufferedDataTable.TYPE_OPTIONAL : BufferedDataTable.TYPE;
            case MODEL -> p.optional() ? org.knime.core.node.port.PortTypeRegistry.getInstance()
                    .getPortType(ModelPortObject.class, true) : ModelPortObject.TYPE;
            case IMAGE -> ImagePortObject.TYPE;
        }).toArray(PortType[]::new);
    }

    /** The epochs trained so far (the learner's view). */
    public List<EpochRecord> epochs() {
        return List.copyOf(epochs);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        List<Object> specs = new ArrayList<>();
        for (PortObjectSpec s : inSpecs) {
            specs.add(s instanceof org.knime.core.data.DataTableSpec t ? KnimeTables.toCore(t)
                    : s instanceof ModelPortObjectSpec m ? m.spec() : null);
        }
        Values values = settings.values();
        try {
            List<Object> out = step.configure(values, specs);
            PortObjectSpec[] result = new PortObjectSpec[out.size()];
            for (int i = 0; i < result.length; i++) {
                Object o = out.get(i);
                int through = step.passThroughInput(i);
                result[i] = o instanceof TableSpec t && through >= 0
                        && inSpecs[through] instanceof org.knime.core.data.DataTableSpec in
                        ? KnimeTables.appendedSpec(in, t)
                        : o instanceof TableSpec t ? KnimeTables.toKnime(t)
                        : o instanceof ModelPortSpec m ? new ModelPortObjectSpec(m)
                        : step.outputs().get(i).kind() == Port.Kind.IMAGE ? new ImagePortObjectSpec(PNGImageContent.TYPE)
                        : null;
            }
            return result;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        epochs.clear();
        Path work = Files.createTempDirectory("robustecg-node-");
        try {
            List<Object> inputs = new ArrayList<>();
            for (PortObject o : inObjects) {
                inputs.add(o instanceof BufferedDataTable t ? KnimeTables.toCore(t, exec)
                        : o instanceof ModelPortObject m ? m.toModelPort(work) : null);
            }
            TrainingListener listener = new TrainingListener() {
                @Override
                public void epoch(EpochRecord r) {
                    epochs.add(r);
                    notifyViews(r);
                }
            };
            StepContext context = new StepContext(new KnimeProgress(exec.createSubProgress(0.9)), work, listener);
            Values values = settings.values();
            List<Object> out;
            try {
                out = Engines.call(() -> step.execute(values, inputs, context));
            } catch (CancelledException e) {
                throw new CanceledExecutionException("cancelled");
            }
            PortObject[] result = new PortObject[out.size()];
            for (int i = 0; i < result.length; i++) {
                Object o = out.get(i);
                int through = step.passThroughInput(i);
                result[i] = o instanceof Table t && through >= 0 ? KnimeTables.appendTo((BufferedDataTable) inObjects[
                        through], t, exec)
                        : o instanceof Table t ? KnimeTables.toKnime(t, exec)
                        : o instanceof ModelPort m ? new ModelPortObject(m)
                        : new ImagePortObject(new PNGImageContent(((PngImage) o).bytes()),
                                new ImagePortObjectSpec(PNGImageContent.TYPE));
            }
            return result;
        } finally {
            delete(work);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    StepSettings settings() {
        return settings;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO s) {
        settings.save(s);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.validate(s);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.load(s);
    }

    /** The learner's training history (its view), kept with the executed node. */
    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        if (epochs.isEmpty()) {
            return;
        }
        NodeSettings history = new NodeSettings(HISTORY);
        for (int i = 0; i < epochs.size(); i++) {
            EpochRecord r = epochs.get(i);
            // Nine figures, then the l-inf head's per-layer shares of changed deciding inputs (none without a head).
            java.util.List<Double> shares = r.headChanged() == null ? java.util.List.of() : r.headChanged();
            double[] values = new double[9 + shares.size()];
            double[] fixed = {r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(),
                r.robustAccuracy(), r.learningRate(), r.p(), r.seconds()};
            System.arraycopy(fixed, 0, values, 0, 9);
            for (int k = 0; k < shares.size(); k++) {
                values[9 + k] = shares.get(k);
            }
            history.addDoubleArray("epoch_" + i, values);
        }
        try (OutputStream out = Files.newOutputStream(nodeInternDir.toPath().resolve(HISTORY + ".xml"))) {
            history.saveToXML(out);
        }
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        epochs.clear();
        Path file = nodeInternDir.toPath().resolve(HISTORY + ".xml");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            NodeSettingsRO history = NodeSettings.loadFromXML(in);
            for (int i = 0; history.containsKey("epoch_" + i); i++) {
                double[] v = history.getDoubleArray("epoch_" + i);
                java.util.List<Double> shares = java.util.Arrays.stream(v, 9, v.length).boxed().toList();
                epochs.add(new EpochRecord((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], shares, v[8]));
            }
        } catch (InvalidSettingsException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("the saved training history " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    protected void reset() {
        epochs.clear();
    }
}
