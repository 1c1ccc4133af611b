package org.robustecg.attack;

/**
 * Projected gradient descent in the l-inf ball (Madry et al. 2018).
 *
 * @param epsilon     radius of the l-inf ball
 * @param stepSize    size of each signed-gradient step
 * @param steps       number of steps
 * @param randomStart start from a uniform random point of the ball (else from the input)
 * @param lower       smallest valid input value (adversarial inputs are clamped to [lower, upper])
 * @param upper       largest valid input value
 */
public record PgdSettings(double epsilon, double stepSize, int steps, boolean randomStart, float lower, float upper) {

    public PgdSettings {
        if (epsilon < 0 || stepSize < 0 || steps < 0 || !(upper > lower) || Float.isNaN(lower) || Float.isNaN(upper)) {
            throw new IllegalArgumentException("invalid PGD settings: eps " + epsilon + ", step " + stepSize);
        }
    }
}
