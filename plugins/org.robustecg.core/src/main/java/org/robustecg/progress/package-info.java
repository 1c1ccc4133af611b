/**
 * Progress reporting and cooperative cancellation of long steps. Depends on nothing else of RobustECG.
 */
package org.robustecg.progress;
