/**
 * The networks (ResNet18-1D, CASLCNet, VGG, DenseNet, the CAS and l-inf layers), their description and file format,
 * and what attacks and training need of a network (the attack target, frozen parameters, the input gradient). May
 * use objective, data, io, engine and progress; never training, attacks or metrics.
 *
 * <p>The model types, from the inside out: {@link org.robustecg.model.EcgModel} is what every network is (made by
 * {@code EcgModel.of} from its {@link org.robustecg.model.ModelSettings}); {@link org.robustecg.model.ResNet1d},
 * {@link org.robustecg.model.Vgg1d} and {@link org.robustecg.model.DenseNet1d} are the networks (the last two on the
 * package-private {@code LinearHeadNetwork}); a {@link org.robustecg.model.Classifier} is a network bound to its
 * parameters, the {@link org.robustecg.model.AttackTarget} attacks see; a {@link org.robustecg.model.TrainedModel} is
 * a classifier with the manager owning its parameters and its {@link org.robustecg.model.ModelInfo} (the model file's
 * description), the unit that is trained, saved, loaded and attacked, untrained until {@code ModelInfo.training()}
 * says otherwise.
 */
package org.robustecg.model;
