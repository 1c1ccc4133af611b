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
        return new ModelSettings(architecture, 5, 1, 187, 1.0, 1, 5, 0.01f, CHANNELS_PER_GROUP);
    }

    /** The paper's network for CPSC2018 records (8 x 33,792, 9 classes), at full width. */
    public static ModelSettings cpsc(Architecture architecture) {
        return new ModelSettings(architecture, 9, 8, 33792, 1.0, 2, 5, 0.01f, CHANNELS_PER_GROUP);
    }

    public ModelSettings withWidth(double multiplier) {
        return new ModelSettings(architecture, classes, leads, length, multiplier, casStride, headDepth, leakySlope,
                channelsPerGroup);
    }

    public ModelSettings withArchitecture(Architecture a) {
        return new ModelSettings(a, classes, leads, length, widthMultiplier, casStride, headDepth, leakySlope,
                channelsPerGroup);
    }

    public ModelSettings withChannelsPerGroup(int n) {
        return new ModelSettings(architecture, classes, leads, length, widthMultiplier, casStride, headDepth, leakySlope, n);
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
