/**
 * The networks (ResNet18-1D, CASLCNet, VGG, DenseNet, the CAS and l-inf layers), their description and file format,
 * and what attacks and training need of a network (the attack target, frozen parameters, the input gradient). May
 * use objective, data, io, engine and progress; never training, attacks or metrics.
 */
package org.robustecg.model;
