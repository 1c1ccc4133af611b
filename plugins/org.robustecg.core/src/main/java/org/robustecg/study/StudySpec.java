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
     * @param dataset       mitbih (beats, METHOD 2.3) or cpsc2018 (12-lead records, METHOD 2.7)
     * @param folder        folder of the MIT-BIH records or the CPSC2018 recordings (the command line may override it)
     * @param reference     CPSC2018 REFERENCE.csv ("" = the folder's REFERENCE.csv, else the headers' #Dx codes)
     * @param split         "random" (stratified), "inter-patient" (de Chazal DS1/DS2), "per-class" (test_per_class
     *                      items of each class for testing, the rest for training: the paper's CPSC2018 split) or
     *                      "none" (train and test on the same items: a smoke test only)
     * @param testFraction  test share of a random split
     * @param trainPerClass training items per class (0 = all), then up-sampled to balance the classes
     * @param testPerClass  test items per class that are predicted and attacked (0 = all)
     * @param cropLength    CPSC2018: records are cut to this many samples
     * @param paddedLength  CPSC2018: and zero padded to this length (the model's input length)
     */
    public record DataSpec(String dataset, String folder, String reference, String split, double testFraction,
            int trainPerClass, int testPerClass, int cropLength, int paddedLength) {

        public boolean cpsc() {
            return dataset.equals("cpsc2018");
        }
    }

    /**
     * @param name         model name in the report
     * @param architecture caslcnet, resnet18, resnet18-cas, resnet18-linf, vgg19, densenet
     * @param loss         ce, pgd-at, trades, mart, jacobian, nsr
     * @param alpha        CAS auxiliary weight
     * @param epochs       training epochs
     * @param batch        batch size (default 128 for beats, 64 for records)
     * @param learningRate Adamax learning rate (default the paper's: 1e-3 beats, 1e-4 records)
     * @param width        width multiplier
     * @param epsilon      training adversary radius (default the paper's: 0.1 beats, 0.01 records)
     * @param attackSteps  training adversary steps
     */
    public record ModelSpec(String name, String architecture, String loss, double alpha, int epochs, int batch,
            double learningRate, double width, double epsilon, int attackSteps) {
    }

    /**
     * @param kind     noise, fgsm, mifgsm, pgd, pgd-ecg, cw, cw-linf, apgd, apgd-dlr, apgd-t, square, ensemble, sap
     * @param epsilons radius grid
     * @param steps    iterations (0 = the attack's default; for the ensemble, those of APGD-CE and APGD-T)
     * @param queries  Square's query budget, alone or in the ensemble (0 = 5,000)
     */
    public record AttackSpec(String kind, List<Double> epsilons, int steps, int queries) {

        public AttackSpec {
            epsilons = List.copyOf(epsilons);
        }
    }
}
