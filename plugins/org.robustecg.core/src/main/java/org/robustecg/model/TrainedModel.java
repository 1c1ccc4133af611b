package org.robustecg.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.engine.Engine;
import org.robustecg.engine.Engines;

/**
 * A network with its parameters in their own manager, and what is known about it: the unit that is trained, saved,
 * loaded, attacked and scored. It starts {@link #untrained} (seeded initial parameters), which is also how a model
 * file is loaded before its parameters are read in; {@link ModelInfo#training()} says whether it was trained. Close it
 * when done.
 */
public final class TrainedModel implements AutoCloseable {

    private final NDManager manager;
    private final Classifier classifier;
    private ModelInfo info;

    private TrainedModel(NDManager manager, Classifier classifier, ModelInfo info) {
        this.manager = manager;
        this.classifier = classifier;
        this.info = info;
    }

    /** A freshly initialised network (seeded) for this description, on the default device. */
    public static TrainedModel untrained(ModelInfo info, long seed) {
        return untrained(info, seed, Engines.device());
    }

    /** A freshly initialised network (seeded) for this description, on the given device. */
    public static TrainedModel untrained(ModelInfo info, long seed, ai.djl.Device device) {
        Engines.pytorch();
        Engine.getInstance().setRandomSeed((int) seed);
        NDManager manager = NDManager.newBaseManager(device);
        EcgModel network = EcgModel.of(info.settings());
        network.initialize(manager, DataType.FLOAT32, inputShape(info.settings()));
        return new TrainedModel(manager, new Classifier(network, manager), info);
    }

    static Shape inputShape(ModelSettings settings) {
        return new Shape(1, settings.leads(), settings.length());
    }

    public NDManager manager() {
        return manager;
    }

    public Classifier classifier() {
        return classifier;
    }

    public EcgModel network() {
        return classifier.network();
    }

    public ModelInfo info() {
        return info;
    }

    /** Replaces the description (e.g. after training, with its history). */
    public void describe(ModelInfo newInfo) {
        if (!newInfo.settings().equals(info.settings())) {
            throw new IllegalArgumentException("a description cannot change the network's structure");
        }
        this.info = newInfo;
    }

    @Override
    public void close() {
        manager.close();
    }
}
