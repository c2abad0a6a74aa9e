package io.flinkharness.data.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exactly N distinct values over the base records: a pool of N distinct values drawn from the rule's source, each
 * placed once at a random base record so that every one appears, the other records drawing from the pool by the
 * skew. Nulls (from a null rate) never take a placed position, so the count of distinct non-null values is exact.
 */
final class DistinctSource implements ValueSource {
    private final List<Object> pool;
    private final int[] placed;
    private final Sampler sampler;
    private final SplitMix rng;
    private final double nullRate;

    private DistinctSource(List<Object> pool, int[] placed, Sampler sampler, SplitMix rng, double nullRate) {
        this.pool = pool;
        this.placed = placed;
        this.sampler = sampler;
        this.rng = rng;
        this.nullRate = nullRate;
    }

    /**
     * @param candidates the rule's own source, drawn from until the pool is full
     * @param baseCount how many base records there are; must be at least {@code n}
     */
    static DistinctSource build(int n, ValueSource candidates, int baseCount, Sampler sampler, SplitMix rng,
            double nullRate) {
        List<Object> pool = new ArrayList<>(n);
        Set<Object> seen = new HashSet<>();
        long attempts = 20L * n + 1000;
        for (long a = 0; a < attempts && pool.size() < n; a++) {
            Object v = candidates.next(a, 0);
            if (v != null && seen.add(Values.hashable(v))) {
                pool.add(v);
            }
        }
        if (pool.size() < n) {
            throw new Literals.LiteralException("distinct(" + n + ") found only " + pool.size()
                    + " distinct values in " + attempts + " draws: widen the rule or ask for fewer distinct values");
        }
        int[] placed = new int[baseCount];
        java.util.Arrays.fill(placed, -1);
        int[] positions = new int[baseCount];
        for (int i = 0; i < baseCount; i++) {
            positions[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int j = k + rng.belowInt(baseCount - k);
            int tmp = positions[k];
            positions[k] = positions[j];
            positions[j] = tmp;
            placed[positions[k]] = k;
        }
        return new DistinctSource(pool, placed, sampler, rng, nullRate);
    }

    @Override
    public Object next(long index, long eventMillis) {
        if (index < placed.length && placed[(int) index] >= 0) {
            return pool.get(placed[(int) index]);
        }
        if (rng.chance(nullRate)) {
            return null;
        }
        return pool.get(sampler.next(rng));
    }
}
