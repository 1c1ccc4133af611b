package org.robustecg.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.concurrent.Callable;

/**
 * Every use of DJL in RobustECG goes through here. DJL finds its engines (through the thread context class
 * loader) and the PyTorch native library (a resource of its own jar) by class-loader lookups; inside OSGi
 * (KNIME) the context class loader must therefore be the one of the bundle that carries DJL. Outside OSGi
 * this changes nothing.
 */
public final class Engines {

    /** What to tell a user whose PyTorch engine does not load. */
    private static final String HELP = "the PyTorch engine of DJL could not be loaded. It needs "
            + "ai.djl:api, ai.djl.pytorch:pytorch-engine, pytorch-jni and pytorch-native-cpu (or a CUDA build) on the "
            + "class path; offline, do not set PYTORCH_VERSION or PYTORCH_FLAVOR (DJL then tries to download); the "
            + "native libraries unpack to ~/.djl.ai or $DJL_CACHE_DIR, which must be writable (about 430 MB)";

    private Engines() {
    }

    /** Runs {@code work} with DJL's class loader as the thread's context class loader. */
    public static <T> T call(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The PyTorch engine, loaded on first use. */
    public static Engine pytorch() {
        try {
            return call(() -> Engine.getEngine("PyTorch"));
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException(HELP + " (" + e + ")", e);
        }
    }

    /** The device computations run on: the first GPU when the engine sees one, else the CPU. */
    public static Device device() {
        Engine engine = pytorch();
        return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /**
     * The device a user chose: "auto" (the first GPU if any, else the CPU), "cpu", or "gpu" (an error naming the
     * problem when DJL sees no GPU).
     */
    public static Device device(String choice) {
        return switch (choice) {
            case "auto" -> device();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (pytorch().getGpuCount() == 0) {
                    throw new IllegalArgumentException("device gpu: DJL sees no GPU (a CUDA build of PyTorch and an "
                            + "NVIDIA driver are needed; see the README)");
                }
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("device is auto, cpu or gpu, not " + choice);
        };
    }

    /** A line for reports, e.g. "DJL PyTorch 2.7.1 on cpu() (1 CPU thread pool, no GPU)". */
    public static String describe() {
        Engine engine = pytorch();
        int gpus = engine.getGpuCount();
        return "DJL " + engine.getEngineName() + " " + engine.getVersion() + " on " + device() + " ("
                + (gpus == 0 ? "no GPU" : gpus + " GPU(s)") + ")";
    }
}
