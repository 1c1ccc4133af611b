package org.robustecg.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.robustecg.data.Dataset;

/** Charts of single attacked inputs. */
public final class Examples {

    private Examples() {
    }

    /**
     * Draws the first lead of item {@code index}, clean and attacked, with the perturbation.
     *
     * @param attacked the attacked items as the attack's pass kept them (the ones it scored), from the first item
     */
    public static void adversarialExample(Dataset clean, Dataset attacked, int index, String title, Path png)
            throws IOException {
        int length = clean.length();
        int stride = clean.leads() * length;
        Charts.adversarialExample(Arrays.copyOfRange(clean.signals(), index * stride, index * stride + length),
                Arrays.copyOfRange(attacked.signals(), index * stride, index * stride + length),
                clean.samplingFrequency(), title, png);
    }
}
