package io.flinkharness.data.internal;

import io.flinkharness.data.FieldRule;
import java.util.List;

/** Picks an index in [0, n) uniformly, by weights, or Zipf-distributed. */
final class Sampler {
    private final double[] cumulative;
    private final int n;

    private Sampler(int n, double[] cumulative) {
        this.n = n;
        this.cumulative = cumulative;
    }

    static Sampler uniform(int n) {
        return new Sampler(n, null);
    }

    static Sampler weighted(List<Double> weights) {
        double[] c = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += weights.get(i);
            c[i] = sum;
        }
        return new Sampler(c.length, c);
    }

    static Sampler of(FieldRule.Skew skew, int n) {
        if (skew.kind() == FieldRule.Skew.Kind.UNIFORM) {
            return uniform(n);
        }
        double[] c = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, skew.exponent());
            c[k] = sum;
        }
        return new Sampler(n, c);
    }

    int next(SplitMix rng) {
        if (cumulative == null) {
            return rng.belowInt(n);
        }
        double x = rng.nextDouble() * cumulative[n - 1];
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
