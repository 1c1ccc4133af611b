package org.robustecg.knime.node;

import java.io.File;
import java.io.IOException;
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
import org.robustecg.model.ModelInfo;
import org.robustecg.node.ModelPort;
import org.robustecg.node.NodeStep;
import org.robustecg.node.OptionValues;
import org.robustecg.node.PngImage;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.progress.CancelledException;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;
import org.robustecg.train.EpochRecord;
import org.robustecg.train.TrainingListener;

/**
 * The node model of every RobustECG node: KNIME settings and ports in, the core step, KNIME ports out. DJL runs
 * with its own class loader as the thread's context class loader (how DJL finds its engine inside OSGi).
 */
public class StepNodeModel extends NodeModel {

    private final NodeStep step;
    private final StepSettings settings;
    private final List<EpochRecord> epochs = new CopyOnWriteArrayList<>();

    public StepNodeModel(NodeStep step) {
        super(types(step.inputs()), types(step.outputs()));
        this.step = step;
        this.settings = new StepSettings(step.options());
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
                    : s instanceof ModelPortObjectSpec m ? m.info() : null);
        }
        OptionValues values = settings.values();
        try {
            List<Object> out = step.configure(values, specs);
            PortObjectSpec[] result = new PortObjectSpec[out.size()];
            for (int i = 0; i < result.length; i++) {
                Object o = out.get(i);
                result[i] = o instanceof TableSpec t ? KnimeTables.toKnime(t)
                        : o instanceof ModelInfo m ? new ModelPortObjectSpec(m)
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
            OptionValues values = settings.values();
            List<Object> out;
            try {
                out = Engines.call(() -> step.execute(values, inputs, context));
            } catch (CancelledException e) {
                throw new CanceledExecutionException("cancelled");
            }
            PortObject[] result = new PortObject[out.size()];
            for (int i = 0; i < result.length; i++) {
                Object o = out.get(i);
                result[i] = o instanceof Table t ? KnimeTables.toKnime(t, exec)
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

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing beyond the output ports is kept
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing beyond the output ports is kept
    }

    @Override
    protected void reset() {
        epochs.clear();
    }
}
