package org.robustecg.train;

import java.util.List;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetException;
import org.robustecg.data.Split;
import org.robustecg.data.Splits;
import org.robustecg.model.ModelInfo;
import org.robustecg.model.ModelSettings;
import org.robustecg.model.TrainSettings;
import org.robustecg.model.TrainedModel;
import org.robustecg.objective.LossSettings;
import org.robustecg.progress.Progress;

/**
 * Trains a network on a dataset as {@link LearnerSettings} say: validation hold-out, per-class subset and
 * balancing, the paper's defaults for the data's kind, and a model that describes itself (input shape, value
 * range, preprocessing, history). The one entry behind the command line, the KNIME learner and the studies.
 */
public final class Learner {

    private Learner() {
    }

    /** A trained model (the caller closes it) and how training went. */
    public record Learned(TrainedModel model, TrainingResult result, int trainingItems, int validationItems)
            implements AutoCloseable {

        @Override
        public void close() {
            model.close();
        }
    }

    /**
     * @param train      training items
     * @param validation validation items, or null to hold out {@code settings.validationFraction()} of train
     */
    public static Learned train(LearnerSettings settings, Dataset train, Dataset validation, TrainingListener listener,
            Progress progress) {
        return train(settings, train, validation, listener, progress, org.robustecg.engine.Engines.device());
    }

    /** As {@link #train(LearnerSettings, Dataset, Dataset, TrainingListener, Progress)}, on the given device. */
    public static Learned train(LearnerSettings settings, Dataset train, Dataset validation, TrainingListener listener,
            Progress progress, ai.djl.Device device) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training data is empty");
        }
        if (validation != null && (validation.leads() != train.leads() || validation.length() != train.length()
                || !validation.classNames().equals(train.classNames()))) {
            throw new IllegalArgumentException("the validation data (" + validation.leads() + " x " + validation.length()
                    + ", classes " + validation.classNames() + ") does not match the training data (" + train.leads()
                    + " x " + train.length() + ", classes " + train.classNames() + ")");
        }
        Dataset val = validation;
        // A share that rounds to no item in every class (a handful of records) means no validation, as a share
        // of 0 does: training monitors its own loss and reports 0 validation items.
        if (val == null && settings.validationFraction() > 0
                && Splits.stratifiedTestSize(train, settings.validationFraction()) > 0) {
            Split split;
            try {
                split = Splits.stratified(train, settings.validationFraction(), settings.seed());
            } catch (DatasetException e) {
                throw new DatasetException("holding out a validation share of " + settings.validationFraction()
                        + " of the training data: " + e.getMessage());
            }
            train = split.train();
            val = split.test();
        }
        if (settings.perClass().isPresent()) {
            train = Splits.sample(train, settings.perClass().getAsInt(), settings.seed());
        }
        if (settings.balance()) {
            train = Splits.upsample(train, settings.seed());
        }
        TrainSettings training = trainSettings(settings, train);
        ModelSettings network = ModelSettings.builder(settings.architecture(), train.classNames().size(), train.leads(),
                train.length()).widthMultiplier(settings.width()).casStride(records(train) ? 2 : 1)
                .channelsPerGroup(settings.channelsPerGroup()).build();
        String preprocessing = String.format("%d lead(s) x %d samples at %s Hz, values in [%s, 1]%s", train.leads(),
                train.length(), train.samplingFrequency(), training.lower(),
                train.mask() != null ? ", zero padded with a mask" : "");
        ModelInfo info = ModelInfo.untrained(network, train.classNames(), train.samplingFrequency(), training.lower(),
                1f, preprocessing).trained(training, List.of(), 0);
        TrainedModel model = TrainedModel.create(info, settings.seed(), device);
        try {
            TrainingResult result = Trainer.train(model.classifier(), model.manager(), train, val, training, listener,
                    progress);
            model.describe(info.trained(training, result.history(), result.bestEpoch()));
            return new Learned(model, result, train.size(), val == null ? 0 : val.size());
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    /** The training settings for this data: the paper's for its kind, then every value the user set. */
    public static TrainSettings trainSettings(LearnerSettings s, Dataset train) {
        LossSettings.Builder loss = LossSettings.of(s.objective()).toBuilder().alpha(s.alpha());
        s.regularisation().ifPresent(loss::regularisation);
        TrainSettings paper = records(train) ? TrainSettings.cpsc(loss.build()) : TrainSettings.mitBih(loss.build());
        TrainSettings.Builder t = paper.toBuilder().epochs(s.epochs()).seed(s.seed()).earlyStopping(s.earlyStopping())
                .attackSteps(s.attackSteps()).robustSamples(s.robustSamples());
        s.epsilon().ifPresent(t::epsilon);
        s.batchSize().ifPresent(t::batchSize);
        s.learningRate().ifPresent(t::learningRate);
        return t.range(min(train) < 0 ? -1f : 0f, 1f).build();
    }

    /** Multi-lead records (CPSC2018 kind) rather than single beats. */
    private static boolean records(Dataset d) {
        return d.leads() > 1;
    }

    private static float min(Dataset d) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : d.signals()) {
            min = Math.min(min, v);
        }
        return min;
    }
}
