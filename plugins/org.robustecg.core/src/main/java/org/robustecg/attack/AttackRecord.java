package org.robustecg.attack;

/**
 * One row of an attack evaluation: a sample at one radius of one attack (radius 0 = the clean input).
 *
 * @param attack          attack name (e.g. "pgd")
 * @param epsilon         l-inf radius
 * @param sampleId        index of the sample in its dataset
 * @param label           true class name
 * @param prediction      predicted class name on the attacked input
 * @param cleanPrediction predicted class name on the clean input
 * @param linf            l-inf norm of the perturbation
 * @param l2              l2 norm of the perturbation
 * @param snrDb           signal-to-noise ratio 10 log10(||x||^2 / ||delta||^2) in dB (infinite for no change)
 */
public record AttackRecord(String attack, double epsilon, int sampleId, String label, String prediction,
        String cleanPrediction, double linf, double l2, double snrDb) {
}
