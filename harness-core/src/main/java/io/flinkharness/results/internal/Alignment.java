package io.flinkharness.results.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Expected and actual rows lined up in order, as a line diff lines up two files: the longest common
 * subsequence of matching rows, and between its rows the expected rows that are missing and the actual rows
 * that were not expected. Not part of the public API.
 */
public final class Alignment {
    /** Above this many cells (expected x actual) rows are compared position by position instead. */
    private static final long CELL_LIMIT = 4_000_000L;

    /**
     * One step of the alignment: both indexes for a match, {@code actual} -1 for a missing expected row,
     * {@code expected} -1 for an unexpected actual row.
     */
    public record Step(int expected, int actual) {
        public boolean isMatch() {
            return expected >= 0 && actual >= 0;
        }
    }

    private Alignment() {
    }

    public static List<Step> of(Comparison comparison, List<Compared> expected, List<Compared> actual) {
        if ((long) expected.size() * actual.size() > CELL_LIMIT) {
            return positional(comparison, expected, actual);
        }
        int n = expected.size();
        int m = actual.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = comparison.matches(expected.get(i), actual.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && comparison.matches(expected.get(i), actual.get(j))
                    && common[i][j] == common[i + 1][j + 1] + 1) {
                steps.add(new Step(i++, j++));
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                steps.add(new Step(i++, -1));
            } else {
                steps.add(new Step(-1, j++));
            }
        }
        return Collections.unmodifiableList(steps);
    }

    private static List<Step> positional(Comparison comparison, List<Compared> expected, List<Compared> actual) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            boolean both = i < expected.size() && i < actual.size();
            if (both && comparison.matches(expected.get(i), actual.get(i))) {
                steps.add(new Step(i, i));
                continue;
            }
            if (i < expected.size()) {
                steps.add(new Step(i, -1));
            }
            if (i < actual.size()) {
                steps.add(new Step(-1, i));
            }
        }
        return steps;
    }
}
