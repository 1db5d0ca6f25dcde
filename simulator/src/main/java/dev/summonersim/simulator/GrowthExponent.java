package dev.summonersim.simulator;

import java.util.List;

/**
 * How a quantity grows with the population: the slope of the least-squares line through (log N, log y). 1 means
 * linear growth, 2 growth with the square of the population.
 */
final class GrowthExponent {

    private GrowthExponent() {
    }

    /** The fitted exponent, or NaN with fewer than two distinct populations or a value that is not positive. */
    static double fit(List<double[]> populationAndValue) {
        int n = populationAndValue.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : populationAndValue) {
            if (!(p[0] > 0) || !(p[1] > 0)) {
                return Double.NaN;
            }
            double x = Math.log(p[0]);
            double y = Math.log(p[1]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        if (n < 2 || denominator < 1e-12) {
            return Double.NaN;
        }
        return (n * sxy - sx * sy) / denominator;
    }
}
