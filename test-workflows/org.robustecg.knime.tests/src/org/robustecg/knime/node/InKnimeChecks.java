package org.robustecg.knime.node;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.border.TitledBorder;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowCreationHelper;
import org.knime.core.node.workflow.WorkflowLoadHelper;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.robustecg.knime.port.ModelPortObjectSpec;
import org.robustecg.model.EpochRecord;
import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.TrainOperation;
import org.robustecg.node.learner.LearnerStep;

/**
 * Checks of the KNIME nodes that need KNIME's own classes and engine: dialogs, settings, saving and reopening an
 * executed workflow, cancelling, specs at configure. Called inside Equinox with KNIME 5.5.3's bundles by the
 * tests of test-workflows ({@code NodesOnKnimeEngineTest}); each check throws an {@link AssertionError} that says
 * what it found.
 */
public final class InKnimeChecks {

    private InKnimeChecks() {
    }

    /** Every file and folder chooser of every node dialog is titled with its option's label, not KNIME's default. */
    public static void fileChoosersAreLabelled() throws Exception {
        int choosers = 0;
        String pluginXml;
        try (var in = InKnimeChecks.class.getClassLoader().getResourceAsStream("plugin.xml")) {
            check(in != null, "the node bundle's plugin.xml is not visible to the fragment");
            pluginXml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher factories = java.util.regex.Pattern.compile("factory-class=\"([^\"]+)\"")
                .matcher(pluginXml);
        int nodes = 0;
        while (factories.find()) {
            nodes++;
            StepNodeFactory factory = (StepNodeFactory) Class.forName(factories.group(1)).getConstructor().newInstance();
            org.robustecg.node.NodeStep step = factory.step();
            if (step.schema().on(Face.NODE).isEmpty()) {
                continue;
            }
            List<String> titles = new ArrayList<>();
            titles(factory.createNodeDialogPane().getPanel(), titles);
            for (Parameter o : step.schema().on(Face.NODE)) {
                if (o.type() == Parameter.Type.FILE || o.type() == Parameter.Type.FOLDER) {
                    choosers++;
                    check(titles.contains(o.label()), step.name() + ": no chooser titled '" + o.label()
                            + "'; titles " + titles);
                }
            }
            check(!titles.contains("Selected File:") && !titles.contains("Selected Directory:"), step.name()
                    + ": a chooser keeps KNIME's default title: " + titles);
        }
        check(nodes == 9, "nodes in plugin.xml: " + nodes);
        check(choosers >= 5, "file and folder choosers found: " + choosers);
    }

    private static void titles(Component c, List<String> titles) {
        if (c instanceof JComponent j && j.getBorder() instanceof TitledBorder b) {
            titles.add(b.getTitle());
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                titles(child, titles);
            }
        }
    }

    /**
     * Settings without a key (saved before the option existed) validate and load that option's default, not the
     * value the node held before.
     */
    public static void missingSettingsKeysLoadTheirDefaults() throws Exception {
        StepNodeModel model = new StepNodeModel(new LearnerStep());
        NodeSettings changed = new NodeSettings("model");
        model.saveSettingsTo(changed);
        changed.addInt("epochs", 7);
        changed.addString("loss", "trades");
        model.validateSettings(changed);
        model.loadValidatedSettingsFrom(changed);
        NodeSettings missing = new NodeSettings("model");
        for (Parameter o : TrainOperation.SCHEMA.on(Face.NODE)) {
            if (!o.key().equals("epochs") && !o.key().equals("loss")) {
                StepSettings.model(o).saveSettingsTo(missing);
            }
        }
        model.validateSettings(missing);
        model.loadValidatedSettingsFrom(missing);
        NodeSettings loaded = new NodeSettings("model");
        model.saveSettingsTo(loaded);
        Parameter epochs = TrainOperation.SCHEMA.on(Face.NODE).stream().filter(o -> o.key().equals("epochs")).findFirst().orElseThrow();
        Parameter loss = TrainOperation.SCHEMA.on(Face.NODE).stream().filter(o -> o.key().equals("loss")).findFirst().orElseThrow();
        check(loaded.getInt("epochs") == (Integer) epochs.defaultValue(), "epochs after loading settings without "
                + "it: " + loaded.getInt("epochs") + ", default " + epochs.defaultValue());
        check(loaded.getString("loss").equals(loss.defaultValue()), "loss after loading settings without it: "
                + loaded.getString("loss") + ", default " + loss.defaultValue());
    }

    /**
     * The Learner's training history (its view), head shares included, is the same after the executed workflow is
     * saved and opened again (a fresh node model that only read the saved workflow).
     */
    public static void learnerHistorySurvivesSaveAndReopen(Path work, Path mitdb) throws Exception {
        Path folder = work.resolve("history round trip");
        WorkflowManager wfm = project(folder);
        NodeID learner = learnerWorkflow(wfm, mitdb, 2);
        wfm.executeUpToHere(learner);
        check(wfm.waitWhileInExecution(10, TimeUnit.MINUTES), "the learner did not finish within 10 minutes");
        check(wfm.getNodeContainer(learner).getNodeContainerState().isExecuted(), "the learner did not execute: "
                + wfm.getNodeContainer(learner).getNodeMessage());
        List<EpochRecord> trained = model(wfm, learner).epochs();
        check(trained.size() == 2, "epochs recorded while training: " + trained);
        check(trained.stream().allMatch(r -> r.headChanged() != null && !r.headChanged().isEmpty()),
                "CASLCNet's epochs record the l-inf head's shares: " + trained);
        wfm.save(folder.toFile(), new ExecutionMonitor(), true);
        WorkflowManager.ROOT.removeProject(wfm.getID());

        WorkflowManager reopened = WorkflowManager.loadProject(folder.toFile(), new ExecutionMonitor(),
                new WorkflowLoadHelper(context(folder))).getWorkflowManager();
        try {
            NodeID id = new NodeID(reopened.getID(), learner.getIndex());
            check(reopened.getNodeContainer(id).getNodeContainerState().isExecuted(), "the reopened learner is "
                    + reopened.getNodeContainer(id).getNodeContainerState());
            List<EpochRecord> read = model(reopened, id).epochs();
            check(read.equals(trained), "history after reopening " + read + ", before saving " + trained);
        } finally {
            WorkflowManager.ROOT.removeProject(reopened.getID());
        }
    }

    /**
     * A learner cancelled while it trains stops within seconds, is not executed and is ready to run again
     * (configured).
     */
    public static void cancelledLearnerStopsAndCanRunAgain(Path work, Path mitdb) throws Exception {
        WorkflowManager wfm = project(work.resolve("cancel"));
        try {
            NodeID learner = learnerWorkflow(wfm, mitdb, 1000);
            wfm.executeUpToHere(learner);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (model(wfm, learner).epochs().isEmpty()) {
                check(wfm.getNodeContainer(learner).getNodeContainerState().isExecutionInProgress(),
                        "the learner stopped before its first epoch: " + wfm.getNodeContainer(learner)
                                .getNodeContainerState() + " " + wfm.getNodeContainer(learner).getNodeMessage());
                check(System.nanoTime() < deadline, "no epoch within 10 minutes");
                Thread.sleep(100);
            }
            int epochs = model(wfm, learner).epochs().size();
            long cancelled = System.nanoTime();
            wfm.cancelExecution(wfm.getNodeContainer(learner));
            check(wfm.waitWhileInExecution(60, TimeUnit.SECONDS), "still running 60 s after cancelling");
            double seconds = (System.nanoTime() - cancelled) / 1e9;
            NodeContainer nc = wfm.getNodeContainer(learner);
            check(nc.getNodeContainerState().isConfigured() && !nc.getNodeContainerState().isExecuted(),
                    "after cancelling the learner is " + nc.getNodeContainerState() + " " + nc.getNodeMessage());
            System.out.printf("cancelled learner (epoch %d of 1000) stopped %.1f s after the cancel%n", epochs + 1,
                    seconds);
        } finally {
            WorkflowManager.ROOT.removeProject(wfm.getID());
        }
    }

    /**
     * The Learner gives its model spec at configure (class names from the preprocessor's label column), so the
     * Predictor after it configures, with one probability column per class, before anything runs.
     */
    public static void learnerModelSpecIsKnownAtConfigure(Path work, Path mitdb) throws Exception {
        WorkflowManager wfm = project(work.resolve("configure"));
        try {
            NodeID learner = learnerWorkflow(wfm, mitdb, 2);
            NodeID preprocessor = new NodeID(wfm.getID(), learner.getIndex() - 1);
            NodeID predictor = node(wfm, "predictor.EcgPredictorNodeFactory");
            wfm.addConnection(learner, 1, predictor, 1);
            wfm.addConnection(preprocessor, 2, predictor, 2);
            NodeContainer l = wfm.getNodeContainer(learner);
            check(l.getNodeContainerState().isConfigured() && !l.getNodeContainerState().isExecuted(),
                    "learner " + l.getNodeContainerState() + " " + l.getNodeMessage());
            check(l.getOutPort(1).getPortObjectSpec() instanceof ModelPortObjectSpec spec
                    && spec.spec().classNames().equals(List.of("N", "S", "V", "F", "Q")), "learner model spec at "
                    + "configure: " + l.getOutPort(1).getPortObjectSpec());
            NodeContainer p = wfm.getNodeContainer(predictor);
            check(p.getNodeContainerState().isConfigured(), "predictor " + p.getNodeContainerState() + " "
                    + p.getNodeMessage());
            DataTableSpec out = (DataTableSpec) p.getOutPort(1).getPortObjectSpec();
            check(out.containsName("prediction") && out.containsName("P (N)") && out.containsName("P (Q)"),
                    "predictor output at configure: " + out);
        } finally {
            WorkflowManager.ROOT.removeProject(wfm.getID());
        }
    }

    /** ECG Reader (3 MIT-BIH records) -> ECG Preprocessor (beats) -> CASLCNet Learner, small; the learner's id. */
    private static NodeID learnerWorkflow(WorkflowManager wfm, Path mitdb, int epochs) throws Exception {
        NodeID reader = node(wfm, "reader.EcgReaderNodeFactory");
        set(wfm, reader, Map.of("format", "wfdb", "folder", mitdb.toString(), "records", "100,105,119"));
        NodeID preprocessor = node(wfm, "preprocessor.EcgPreprocessorNodeFactory");
        // optional numbers are text fields in KNIME (empty = unset)
        set(wfm, preprocessor, Map.of("train_per_class", "30", "test_per_class", "10"));
        NodeID learner = node(wfm, "learner.CaslcnetLearnerNodeFactory");
        set(wfm, learner, Map.of("loss", "ce", "epochs", epochs, "width", 0.125, "batch_size", "32",
                "robust_samples", 0));
        // port 0 of a KNIME node is its flow-variable port
        wfm.addConnection(reader, 1, preprocessor, 1);
        wfm.addConnection(reader, 2, preprocessor, 2);
        wfm.addConnection(preprocessor, 1, learner, 1);
        return learner;
    }

    private static NodeID node(WorkflowManager wfm, String factory) throws Exception {
        return wfm.createAndAddNode((NodeFactory<?>) Class.forName("org.robustecg.knime." + factory)
                .getConstructor().newInstance());
    }

    private static void set(WorkflowManager wfm, NodeID id, Map<String, Object> values) throws Exception {
        NodeSettings settings = wfm.getNodeContainer(id).getNodeSettings();
        NodeSettings model = settings.getNodeSettings("model");
        values.forEach((key, value) -> {
            if (value instanceof Integer i) {
                model.addInt(key, i);
            } else if (value instanceof Double d) {
                model.addDouble(key, d);
            } else {
                model.addString(key, (String) value);
            }
        });
        wfm.loadNodeSettings(id, settings);
    }

    private static StepNodeModel model(WorkflowManager wfm, NodeID id) {
        return (StepNodeModel) ((NativeNodeContainer) wfm.getNodeContainer(id)).getNodeModel();
    }

    private static WorkflowManager project(Path folder) throws Exception {
        Files.createDirectories(folder);
        return WorkflowManager.ROOT.createAndAddProject(folder.getFileName().toString(),
                new WorkflowCreationHelper(context(folder)));
    }

    private static WorkflowContextV2 context(Path folder) {
        return WorkflowContextV2.builder().withAnalyticsPlatformExecutor(exec -> exec.withCurrentUserAsUserId()
                .withLocalWorkflowPath(folder.toAbsolutePath())).withLocalLocation().build();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
