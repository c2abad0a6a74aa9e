package io.flinkharness.results.internal;

import io.flinkharness.results.Tolerance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How two rows of compared columns match: cell by cell, exactly by key or within a column's tolerance. Not part
 * of the public API.
 */
public final class Comparison {
    private final List<String> columns;
    private final Tolerance[] tolerances;

    /**
     * @param tolerances one per column; null where the column compares exactly
     */
    public Comparison(List<String> columns, List<Tolerance> tolerances) {
        this.columns = List.copyOf(columns);
        this.tolerances = tolerances.toArray(Tolerance[]::new);
        if (this.tolerances.length != this.columns.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + tolerances.size() + " tolerances");
        }
    }

    /** Every column compared exactly. */
    public static Comparison exact(List<String> columns) {
        return new Comparison(columns, Arrays.asList(new Tolerance[columns.size()]));
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public boolean hasTolerance() {
        return Arrays.stream(tolerances).anyMatch(Objects::nonNull);
    }

    public boolean cellMatches(int column, Object expectedKey, Object actualKey) {
        Tolerance tolerance = tolerances[column];
        return tolerance == null ? Objects.equals(expectedKey, actualKey) : tolerance.within(expectedKey, actualKey);
    }

    public boolean matches(Compared expected, Compared actual) {
        for (int c = 0; c < tolerances.length; c++) {
            if (!cellMatches(c, expected.keys()[c], actual.keys()[c])) {
                return false;
            }
        }
        return true;
    }

    /** For each column, whether the two rows differ in it. */
    public boolean[] differs(Compared expected, Compared actual) {
        boolean[] differs = new boolean[tolerances.length];
        for (int c = 0; c < differs.length; c++) {
            differs[c] = !cellMatches(c, expected.keys()[c], actual.keys()[c]);
        }
        return differs;
    }

    public int differences(Compared expected, Compared actual) {
        int n = 0;
        for (int c = 0; c < tolerances.length; c++) {
            n += cellMatches(c, expected.keys()[c], actual.keys()[c]) ? 0 : 1;
        }
        return n;
    }

    /** The keys of the exactly compared columns: rows that match have equal exact keys. */
    public List<Object> exactKey(Compared row) {
        List<Object> key = new ArrayList<>(tolerances.length);
        for (int c = 0; c < tolerances.length; c++) {
            if (tolerances[c] == null) {
                key.add(row.keys()[c]);
            }
        }
        return key;
    }

    /** The whole key, tolerant columns included. */
    public List<Object> fullKey(Compared row) {
        return Arrays.asList(row.keys());
    }
}
