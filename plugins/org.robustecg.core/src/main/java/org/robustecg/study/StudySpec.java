package org.robustecg.study;

import java.util.List;

/**
 * A robustness study as declared in a study file (JSON or YAML): data, models, attacks, scoring. Every
 * field has a default; see {@link StudyFiles} for the file layout.
 *
 * @param name    study name (used in the report)
 * @param seed    seed of splits, subsets, training and attacks
 * @param data    where the beats come from and how they are split
 * @param models  the models to train
 * @param attacks the attacks, each over its radius grid
 * @param epsMax  upper end of the robustness area (ACC_robust, F1_robust)
 * @param channels radius of the channel activation analysis (PGD), 0 = none
 */
public record StudySpec(String name, long seed, DataSpec data, List<ModelSpec> models, List<AttackSpec> attacks,
        double epsMax, double channels) {

    public StudySpec {
        models = List.copyOf(models);
        attacks = List.copyOf(attacks);
    }

    /**
     * @param mitdb         folder of MIT-BIH records (may be overridden on the command line)
     * @param split         "random" (stratified) or "inter-patient" (de Chazal DS1/DS2)
     * @param testFraction  test share of a random split
     * @param trainPerClass training beats per class (0 = all), then up-sampled to balance the classes
     * @param testPerClass  test beats per class that are predicted and attacked (0 = all)
     */
    public record DataSpec(String mitdb, String split, double testFraction, int trainPerClass, int testPerClass) {
    }

    /**
     * @param name         model name in the report
     * @param architecture caslcnet, resnet18, resnet18-cas, resnet18-linf, vgg19, densenet
     * @param loss         ce, pgd-at, trades, mart, jacobian, nsr
     * @param alpha        CAS auxiliary weight
     * @param epochs       training epochs
     * @param batch        batch size
     * @param learningRate Adamax learning rate
     * @param width        width multiplier
     * @param epsilon      training adversary radius
     * @param attackSteps  training adversary steps
     */
    public record ModelSpec(String name, String architecture, String loss, double alpha, int epochs, int batch,
            double learningRate, double width, double epsilon, int attackSteps) {
    }

    /**
     * @param kind     noise, fgsm, mifgsm, pgd, pgd-ecg, cw, cw-linf, apgd, sap
     * @param epsilons radius grid
     * @param steps    iterations (0 = the attack's default)
     */
    public record AttackSpec(String kind, List<Double> epsilons, int steps) {

        public AttackSpec {
            epsilons = List.copyOf(epsilons);
        }
    }
}
