package io.flinkharness.data.internal;

import java.util.random.RandomGenerator;

/**
 * SplitMix64: a tiny, fully specified pseudo-random generator. The harness implements it itself (instead of
 * relying on a JDK class whose algorithm is not part of its contract) so that one seed gives the same values on
 * every JVM and machine. Every draw the generator makes goes through {@link #nextLong()}.
 */
public final class SplitMix implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix(long seed) {
        this.state = seed;
    }

    /** A generator for one purpose (a field path, the time model, ...) derived from the run's seed. */
    public static SplitMix forStream(long seed, String stream) {
        long h = 1125899906842597L;
        for (int i = 0; i < stream.length(); i++) {
            h = 31 * h + stream.charAt(i);
        }
        return new SplitMix(mix(seed ^ mix(h)));
    }

    @Override
    public long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound); bound must be positive. Rejection sampling keeps it unbiased and specified. */
    public long below(long bound) {
        long r = nextLong() >>> 1;
        long m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (long u = r; u - (r = u % bound) + m < 0; u = nextLong() >>> 1) {
            // retry: u fell into the incomplete last block
        }
        return r;
    }

    public int belowInt(int bound) {
        return (int) below(bound);
    }

    /** Uniform in [lo, hi], both inclusive. */
    public long between(long lo, long hi) {
        long span = hi - lo + 1;
        if (span > 0) {
            return lo + below(span);
        }
        long v;
        do {
            v = nextLong();
        } while (v < lo || v > hi);
        return v;
    }

    /** Uniform in [0, 1) with 53 bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean chance(double probability) {
        return probability > 0 && nextDouble() < probability;
    }
}
