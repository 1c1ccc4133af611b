package org.robustecg.model;

import java.util.Locale;

/** The networks RobustECG builds (METHOD 3.5). */
public enum Architecture {
    /** Backbone + CAS + l-inf distance head: the paper's method ("Method 4"). */
    CASLCNET(true, true),
    /** ResNet18-1D: the same backbone with a linear classifier ("Method 1"). */
    RESNET18(false, false),
    /** Backbone + CAS + linear classifier ("Method 2"). */
    RESNET18_CAS(true, false),
    /** Backbone + l-inf distance head, no CAS ("Method 3"). */
    RESNET18_LINF(false, true),
    /** VGG19-1D: 16 conv3 layers in five max-pooled stages, global average pooling, linear classifier. */
    VGG19(false, false),
    /** DenseNet-1D: the DenseNet-121 layout (dense blocks of 6, 12, 24, 16 layers), linear classifier. */
    DENSENET(false, false);

    private final boolean cas;
    private final boolean linfHead;

    Architecture(boolean cas, boolean linfHead) {
        this.cas = cas;
        this.linfHead = linfHead;
    }

    public boolean hasCas() {
        return cas;
    }

    public boolean hasLinfHead() {
        return linfHead;
    }

    /** The command-line name, e.g. "resnet18-cas". */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Architecture ofCliName(String name) {
        for (Architecture a : values()) {
            if (a.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name
                + "' (caslcnet, resnet18, resnet18-cas, resnet18-linf, vgg19, densenet)");
    }
}
