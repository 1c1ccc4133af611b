package org.robustecg.testflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.core.runtime.adaptor.EclipseStarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The KNIME nodes on KNIME 5.5.3's own classes: Equinox with the KNIME bundles and runtime of ../shared/knime (as
 * run-workflows.sh starts them), the project's bundles and the fragment org.robustecg.knime.tests, whose
 * {@code InKnimeChecks} run inside the node bundle's class loader. Dialogs are built headless (nothing is shown).
 */
class NodesOnKnimeEngineTest {

    @TempDir
    static Path area;

    static Class<?> checks;

    @BeforeAll
    static void startKnime() throws Exception {
        Path knime = Path.of(System.getProperty("knime.shared"));
        List<Path> jars = new ArrayList<>();
        for (Path folder : List.of(knime.resolve("5.5.3/plugins"), knime.resolve("runtime/bundles"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
            }
        }
        for (String bundle : List.of("core", "djl", "native", "knime", "checks")) {
            Path jar = Path.of(System.getProperty("bundle." + bundle));
            assertTrue(Files.isRegularFile(jar), "built bundle " + jar + " (run the reactor build)");
            jars.add(jar);
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("osgi.bundles", jars.stream().map(j -> "reference:" + j.toUri() + startLevel(j))
                .collect(Collectors.joining(",")));
        properties.put("osgi.bundles.defaultStartLevel", "4");
        // A configuration area inside a PDE workspace: KNIME then sees a run from the Eclipse SDK and does not ask
        // p2 for an installation profile (there is none), as in run-workflows.sh.
        properties.put("osgi.configuration.area", area.resolve("ws/.metadata/.plugins/org.eclipse.pde.core/robustecg")
                .toUri().toString());
        properties.put("osgi.instance.area", area.resolve("workspace").toUri().toString());
        properties.put("osgi.user.area", area.resolve("user").toUri().toString());
        properties.put("osgi.install.area", area.toUri().toString());
        properties.put("osgi.clean", "true");
        properties.put("eclipse.ignoreApp", "true");
        properties.put("osgi.noShutdown", "true");
        properties.put("osgi.os", "linux");
        properties.put("osgi.ws", "gtk");
        properties.put("osgi.arch", "x86_64");
        EclipseStarter.setInitialProperties(properties);
        BundleContext context = EclipseStarter.startup(new String[0], null);
        Bundle nodes = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.robustecg.knime")).findFirst().orElseThrow();
        nodes.start();
        assertEquals(Bundle.ACTIVE, nodes.getState(), "the node bundle starts");
        checks = nodes.loadClass("org.robustecg.knime.node.InKnimeChecks");
    }

    /** Equinox and the Eclipse runtime started early, as in an Eclipse application. */
    private static String startLevel(Path jar) {
        String name = jar.getFileName().toString();
        return name.startsWith("org.eclipse.equinox.common") ? "@2:start"
                : name.startsWith("org.eclipse.core.runtime") ? "@4:start" : "";
    }

    @AfterAll
    static void stopKnime() throws Exception {
        EclipseStarter.shutdown();
    }

    @Test
    void fileChoosersAreLabelled() throws Throwable {
        check("fileChoosersAreLabelled");
    }

    @Test
    void missingSettingsKeysLoadTheirDefaults() throws Throwable {
        check("missingSettingsKeysLoadTheirDefaults");
    }

    @Test
    void learnerHistorySurvivesSaveAndReopen() throws Throwable {
        check("learnerHistorySurvivesSaveAndReopen", area, mitdb());
    }

    @Test
    void cancelledLearnerStopsAndCanRunAgain() throws Throwable {
        check("cancelledLearnerStopsAndCanRunAgain", area, mitdb());
    }

    @Test
    void learnerModelSpecIsKnownAtConfigure() throws Throwable {
        check("learnerModelSpecIsKnownAtConfigure", area, mitdb());
    }

    private static Path mitdb() {
        return Path.of(System.getProperty("robustecg.fixtures"), "mitdb").toAbsolutePath();
    }

    /** Runs a check inside the framework; its AssertionError fails the test as it is. */
    private static void check(String name, Path... arguments) throws Throwable {
        Class<?>[] types = new Class<?>[arguments.length];
        Arrays.fill(types, Path.class);
        Method m = checks.getMethod(name, types);
        try {
            m.invoke(null, (Object[]) arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
