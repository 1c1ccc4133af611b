/**
 * The adversarial attacks (FGSM to AutoAttack's ensemble, SAP, Carlini-Wagner) on a batch, and their evaluation
 * over a radius grid. May use model, objective, data and below; never training or metrics.
 */
package org.robustecg.attack;
