package io.flinkharness.results.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs rows that were expected but not found with rows that were found but not expected when they differ in a
 * few columns only (at most half of them, at least one column equal), or when they share their key columns if
 * the comparison has any (a deduplicated row of the wrong record): usually the one wrong value a reader is
 * looking for. Each row is in one pair at most; a missing row takes the closest unpaired row. Not part of the
 * public API.
 */
public final class NearMisses {
    /** Only this many rows of each side are looked at, so a diff of thousands of rows stays quick. */
    private static final int SCAN_LIMIT = 1_000;

    private NearMisses() {
    }

    /** Pairs of indexes into {@code missing} and {@code unexpected}, in the order of {@code missing}. */
    public static List<int[]> pair(Comparison comparison, List<Compared> missing, List<Compared> unexpected,
                                   List<Integer> keyColumns) {
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
                boolean acceptable = near(comparison, missing.get(m), unexpected.get(u))
                        || (!keyColumns.isEmpty() && sameKey(comparison, missing.get(m), unexpected.get(u), keyColumns));
                if (acceptable && d < bestDifferences) {
                    best = u;
                    bestDifferences = d;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                pairs.add(new int[] {m, best});
            }
        }
        return pairs;
    }

    private static boolean sameKey(Comparison comparison, Compared expected, Compared actual, List<Integer> keys) {
        return keys.stream().allMatch(c -> comparison.cellMatches(c, expected.keys()[c], actual.keys()[c]));
    }

    /** Whether two rows are close enough to be shown as a pair. */
    public static boolean near(Comparison comparison, Compared expected, Compared actual) {
        int d = comparison.differences(expected, actual);
        return d <= Math.max(1, comparison.size() / 2) && d < comparison.size();
    }
}
