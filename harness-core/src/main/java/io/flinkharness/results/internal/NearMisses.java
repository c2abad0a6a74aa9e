package io.flinkharness.results.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs rows that were expected but not found with rows that were found but not expected when they differ in a
 * few columns only (at most half of them, at least one column equal): usually the one wrong value a reader is
 * looking for. Each row is in one pair at most; a missing row takes the closest unpaired row. Not part of the
 * public API.
 */
public final class NearMisses {
    /** Only this many rows of each side are looked at, so a diff of thousands of rows stays quick. */
    private static final int SCAN_LIMIT = 1_000;

    private NearMisses() {
    }

    /** Pairs of indexes into {@code missing} and {@code unexpected}, in the order of {@code missing}. */
    public static List<int[]> pair(Comparison comparison, List<Compared> missing, List<Compared> unexpected) {
        int allowed = Math.max(1, comparison.size() / 2);
        boolean[] taken = new boolean[unexpected.size()];
        List<int[]> pairs = new ArrayList<>();
        for (int m = 0; m < Math.min(missing.size(), SCAN_LIMIT); m++) {
            int best = -1;
            int bestDifferences = Integer.MAX_VALUE;
            for (int u = 0; u < Math.min(unexpected.size(), SCAN_LIMIT); u++) {
                if (taken[u]) {
                    continue;
                }
                int d = comparison.differences(missing.get(m), unexpected.get(u));
                if (d < bestDifferences) {
                    best = u;
                    bestDifferences = d;
                }
            }
            if (best >= 0 && bestDifferences <= allowed && bestDifferences < comparison.size()) {
                taken[best] = true;
                pairs.add(new int[] {m, best});
            }
        }
        return pairs;
    }

    /** Whether two rows are close enough to be shown as a pair. */
    public static boolean near(Comparison comparison, Compared expected, Compared actual) {
        int d = comparison.differences(expected, actual);
        return d <= Math.max(1, comparison.size() / 2) && d < comparison.size();
    }
}
