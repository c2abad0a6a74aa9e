package io.flinkharness.results.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected rows matched one-to-one to actual rows, order ignored: every expected row to a distinct actual row
 * that matches it, as many as possible. Exact rows are matched by hashing; with tolerances the rows that share
 * their exact columns are matched by augmenting paths, so a tolerance never makes a row "used up" by the wrong
 * partner. Not part of the public API.
 */
public final class Matching {
    /** Above this many unmatched rows in one group, tolerant rows are matched greedily. */
    private static final int AUGMENTING_LIMIT = 2_000;

    private final int[] expectedToActual;
    private final int[] actualToExpected;

    private Matching(int expected, int actual) {
        expectedToActual = new int[expected];
        actualToExpected = new int[actual];
        Arrays.fill(expectedToActual, -1);
        Arrays.fill(actualToExpected, -1);
    }

    public static Matching of(Comparison comparison, List<Compared> expected, List<Compared> actual) {
        Matching m = new Matching(expected.size(), actual.size());
        m.matchEqual(comparison, expected, actual);
        if (comparison.hasTolerance()) {
            m.matchTolerant(comparison, expected, actual);
        }
        return m;
    }

    /** Rows whose keys are all equal, tolerant columns included, in order. */
    private void matchEqual(Comparison comparison, List<Compared> expected, List<Compared> actual) {
        Map<List<Object>, Deque<Integer>> byKey = new HashMap<>();
        for (int a = 0; a < actual.size(); a++) {
            byKey.computeIfAbsent(comparison.fullKey(actual.get(a)), k -> new ArrayDeque<>()).add(a);
        }
        for (int e = 0; e < expected.size(); e++) {
            Deque<Integer> candidates = byKey.get(comparison.fullKey(expected.get(e)));
            if (candidates != null && !candidates.isEmpty()) {
                link(e, candidates.poll());
            }
        }
    }

    private void matchTolerant(Comparison comparison, List<Compared> expected, List<Compared> actual) {
        Map<List<Object>, List<Integer>> actualGroups = new LinkedHashMap<>();
        for (int a = 0; a < actual.size(); a++) {
            if (actualToExpected[a] < 0) {
                actualGroups.computeIfAbsent(comparison.exactKey(actual.get(a)), k -> new ArrayList<>()).add(a);
            }
        }
        Map<List<Object>, List<Integer>> expectedGroups = new LinkedHashMap<>();
        for (int e = 0; e < expected.size(); e++) {
            if (expectedToActual[e] < 0) {
                expectedGroups.computeIfAbsent(comparison.exactKey(expected.get(e)), k -> new ArrayList<>()).add(e);
            }
        }
        expectedGroups.forEach((key, es) -> {
            List<Integer> as = actualGroups.getOrDefault(key, List.of());
            if (!as.isEmpty()) {
                matchGroup(comparison, expected, actual, es, as);
            }
        });
    }

    private void matchGroup(Comparison comparison, List<Compared> expected, List<Compared> actual, List<Integer> es,
                            List<Integer> as) {
        boolean augment = es.size() <= AUGMENTING_LIMIT && as.size() <= AUGMENTING_LIMIT;
        for (int e : es) {
            if (augment) {
                augment(e, comparison, expected, actual, as, new boolean[actual.size()]);
            } else {
                for (int a : as) {
                    if (actualToExpected[a] < 0 && comparison.matches(expected.get(e), actual.get(a))) {
                        link(e, a);
                        break;
                    }
                }
            }
        }
    }

    /** Kuhn's augmenting path from expected row {@code e}; true if it got a partner. */
    private boolean augment(int e, Comparison comparison, List<Compared> expected, List<Compared> actual,
                            List<Integer> candidates, boolean[] visited) {
        for (int a : candidates) {
            if (visited[a] || !comparison.matches(expected.get(e), actual.get(a))) {
                continue;
            }
            visited[a] = true;
            int previous = actualToExpected[a];
            if (previous < 0 || augment(previous, comparison, expected, actual, candidates, visited)) {
                link(e, a);
                return true;
            }
        }
        return false;
    }

    private void link(int e, int a) {
        expectedToActual[e] = a;
        actualToExpected[a] = e;
    }

    public <T> List<T> unmatchedExpected(List<T> expected) {
        List<T> out = new ArrayList<>();
        for (int e = 0; e < expectedToActual.length; e++) {
            if (expectedToActual[e] < 0) {
                out.add(expected.get(e));
            }
        }
        return out;
    }

    public <T> List<T> unmatchedActual(List<T> actual) {
        List<T> out = new ArrayList<>();
        for (int a = 0; a < actualToExpected.length; a++) {
            if (actualToExpected[a] < 0) {
                out.add(actual.get(a));
            }
        }
        return out;
    }
}
