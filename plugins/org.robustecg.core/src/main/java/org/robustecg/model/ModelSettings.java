package org.robustecg.model;

/**
 * Everything that fixes a network's structure.
 *
 * @param architecture    which network
 * @param classes         number of output classes
 * @param leads           input leads (1 for MIT-BIH beats, 8 for CPSC2018)
 * @param length          input samples per lead (187, or 33,792); inputs may be padded with a mask
 * @param widthMultiplier scales every width (64, 128, 256, 512 channels and the head) for scaled runs
 * @param casStride       stride of the first block of the last (CAS) stage: 1 for beats, 2 for records
 * @param headDepth       l-inf head layers including the output layer (5)
 * @param leakySlope      negative slope of the LeakyReLUs (0.01)
 * @param channelsPerGroup channels per GroupNorm group: 1 is the paper's GroupNorm(C, C); the default, 16, keeps
 *                        the network trainable where feature maps are 2-3 samples long (see docs/RESULTS.md)
 */
public record ModelSettings(Architecture architecture, int classes, int leads, int length, double widthMultiplier,
        int casStride, int headDepth, float leakySlope, int channelsPerGroup) {

    /** Default channels per GroupNorm group. */
    public static final int CHANNELS_PER_GROUP = 16;

    /** The auxiliary heads of the CAS stage (K). */
    public static final int CAS_BLOCKS = 2;

    public ModelSettings {
        if (classes < 2 || leads < 1 || length < 8 || !(widthMultiplier > 0) || casStride < 1 || headDepth < 1
                || channelsPerGroup < 1) {
            throw new IllegalArgumentException("invalid model settings: " + classes + " classes, " + leads + " leads, "
                    + length + " samples, width x" + widthMultiplier);
        }
    }

    /** The paper's network for MIT-BIH beats (1 x 187, 5 classes), at full width. */
    public static ModelSettings mitBih(Architecture architecture) {
        return builder(architecture, 5, 1, 187).build();
    }

    /** The paper's network for CPSC2018 records (8 x 33,792, 9 classes), at full width. */
    public static ModelSettings cpsc(Architecture architecture) {
        return builder(architecture, 9, 8, 33792).casStride(2).build();
    }

    /**
     * The paper's network for inputs of this shape: full width, CAS stride 1, a 5-layer head, LeakyReLU slope 0.01,
     * {@value #CHANNELS_PER_GROUP} channels per GroupNorm group.
     */
    public static Builder builder(Architecture architecture, int classes, int leads, int length) {
        return new Builder(architecture, classes, leads, length);
    }

    /** Network settings; checked by {@link #build()}. */
    public static final class Builder {

        private final Architecture architecture;
        private final int classes;
        private final int leads;
        private final int length;
        private double widthMultiplier = 1;
        private int casStride = 1;
        private int headDepth = 5;
        private float leakySlope = 0.01f;
        private int channelsPerGroup = CHANNELS_PER_GROUP;

        private Builder(Architecture architecture, int classes, int leads, int length) {
            this.architecture = architecture;
            this.classes = classes;
            this.leads = leads;
            this.length = length;
        }

        public Builder widthMultiplier(double value) {
            widthMultiplier = value;
            return this;
        }

        public Builder casStride(int value) {
            casStride = value;
            return this;
        }

        public Builder channelsPerGroup(int value) {
            channelsPerGroup = value;
            return this;
        }

        public ModelSettings build() {
            return new ModelSettings(architecture, classes, leads, length, widthMultiplier, casStride, headDepth,
                    leakySlope, channelsPerGroup);
        }
    }

    /** GroupNorm groups for this many channels: channels / channelsPerGroup, at least 1, dividing channels. */
    public int groups(int channels) {
        int g = Math.max(1, channels / channelsPerGroup);
        while (channels % g != 0) {
            g--;
        }
        return g;
    }

    /** Channels of a stage whose full width is {@code full}; at least 1. */
    public int width(int full) {
        return Math.max(1, (int) Math.round(full * widthMultiplier));
    }
}
