package org.robustecg.osgi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The core, DJL and native-library bundles in a real Equinox: they resolve with nothing else installed, the
 * fragment attaches, and PyTorch runs through the bundle class loaders (engine discovery and native library
 * lookup included), as they will inside KNIME.
 */
class BundlesInEquinoxTest {

    @Test
    void pytorchRunsThroughTheBundles(@TempDir Path storage) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("osgi.os", "linux");
        config.put("osgi.arch", "x86_64");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            Bundle djl = install(context, "bundle.djl");
            Bundle nativeLibraries = install(context, "bundle.native");
            Bundle core = install(context, "bundle.core");
            for (Bundle b : List.of(djl, core)) {
                b.start();
                assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " starts");
            }
            assertEquals(Bundle.RESOLVED, nativeLibraries.getState(), "the native fragment resolves");
            assertEquals("org.robustecg.djl", nativeLibraries.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.host")
                    .get(0).getProvider().getBundle().getSymbolicName(), "the fragment is attached to the DJL bundle");

            // Through the core bundle's exported entry point, with the test thread's class loader elsewhere.
            Class<?> engines = core.loadClass("org.robustecg.engine.Engines");
            Method call = engines.getMethod("call", Callable.class);
            Method describe = engines.getMethod("describe");
            Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
            String description = (String) call.invoke(null, (Callable<String>) () -> (String) describe.invoke(null));
            assertTrue(description.contains("PyTorch"), description);
            Class<?> manager = djl.loadClass("ai.djl.ndarray.NDManager");
            float[] result = (float[]) call.invoke(null, (Callable<float[]>) () -> {
                Object m = manager.getMethod("newBaseManager").invoke(null);
                try {
                    Object array = manager.getMethod("create", float[].class).invoke(m, (Object) new float[] {1, 2, 3});
                    Class<?> nd = djl.loadClass("ai.djl.ndarray.NDArray");
                    Object doubled = nd.getMethod("mul", Number.class).invoke(array, 2);
                    return (float[]) nd.getMethod("toFloatArray").invoke(doubled);
                } finally {
                    ((AutoCloseable) m).close();
                }
            });
            assertArrayEquals(new float[] {2, 4, 6}, result);
            // A training-mode GroupNorm: PyTorch's fused kernel through a TorchScript module the core writes and
            // loads at run time, the one place where the core calls the PyTorch engine's own API.
            float[] normalised = (float[]) call.invoke(null, (Callable<float[]>) () -> {
                Object m = manager.getMethod("newBaseManager").invoke(null);
                try {
                    Class<?> shapeType = djl.loadClass("ai.djl.ndarray.types.Shape");
                    Object shape = shapeType.getConstructor(long[].class).newInstance((Object) new long[] {2, 4, 3});
                    Class<?> dataType = djl.loadClass("ai.djl.ndarray.types.DataType");
                    Object norm = core.loadClass("org.robustecg.model.GroupNorm").getConstructor(int.class).newInstance(2);
                    Object shapes = java.lang.reflect.Array.newInstance(shapeType, 1);
                    java.lang.reflect.Array.set(shapes, 0, shape);
                    Class<?> block = djl.loadClass("ai.djl.nn.Block");
                    block.getMethod("initialize", manager, dataType, shapes.getClass())
                            .invoke(norm, m, dataType.getField("FLOAT32").get(null), shapes);
                    Object store = djl.loadClass("ai.djl.training.ParameterStore").getConstructor(manager, boolean.class)
                            .newInstance(m, false);
                    Object x = manager.getMethod("arange", int.class).invoke(m, 24);
                    Class<?> nd = djl.loadClass("ai.djl.ndarray.NDArray");
                    x = nd.getMethod("reshape", shapeType).invoke(nd.getMethod("toType", dataType, boolean.class)
                            .invoke(x, dataType.getField("FLOAT32").get(null), false), shape);
                    Class<?> list = djl.loadClass("ai.djl.ndarray.NDList");
                    Object arrays = java.lang.reflect.Array.newInstance(nd, 1);
                    java.lang.reflect.Array.set(arrays, 0, x);
                    Object in = list.getConstructor(nd.arrayType()).newInstance(arrays);
                    Object out = block.getMethod("forward", store.getClass(), list, boolean.class).invoke(norm, store, in, true);
                    return (float[]) nd.getMethod("toFloatArray").invoke(list.getMethod("head").invoke(out));
                } finally {
                    ((AutoCloseable) m).close();
                }
            });
            for (int group = 0; group < 4; group++) {
                double sum = 0;
                for (int i = 0; i < 6; i++) {
                    sum += normalised[group * 6 + i];
                }
                assertEquals(0, sum, 1e-4, "group " + group + " has mean 0");
                assertEquals(-1.4638, normalised[group * 6], 1e-3, "(0 - 2.5) / std(0..5) in group " + group);
            }
            assertEquals(core.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                    .filter(w -> w.getCapability().getAttributes().get("osgi.wiring.package").toString().startsWith("ai.djl"))
                    .map(w -> w.getProvider().getBundle().getSymbolicName()).distinct().toList(), List.of("org.robustecg.djl"),
                    "the core takes DJL from the DJL bundle");
        } finally {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    private static Bundle install(BundleContext context, String property) throws Exception {
        Path jar = Path.of(System.getProperty(property));
        assertTrue(Files.isRegularFile(jar), "built bundle " + jar + " (run the reactor build)");
        return context.installBundle(jar.toUri().toString());
    }
}
