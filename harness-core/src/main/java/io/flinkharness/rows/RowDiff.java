package io.flinkharness.rows;

import io.flinkharness.results.internal.AnyOrderDiff;
import io.flinkharness.results.internal.Compared;
import io.flinkharness.results.internal.Comparison;
import io.flinkharness.results.internal.Plural;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The difference between expected and actual rows, compared as multisets (order ignored, duplicates counted):
 * rows missing from the actual result and unexpected rows. The rendering is the table diff of the result
 * assertions ({@link io.flinkharness.results.ResultAssertions}): a missing and an unexpected row that differ in a
 * few columns are shown side by side with the differing cells marked, columns that only some rows have are shown
 * as {@code (none)}, rows with a {@code window_start} are listed in window order, and each section shows its first
 * 10 rows and counts the rest.
 */
public final class RowDiff {
    /** Rows shown per section before "… and N more". */
    public static final int ROWS_SHOWN = 10;

    private final List<Row> expected;
    private final List<Row> actual;
    private final List<Row> missing;
    private final List<Row> unexpected;

    private RowDiff(List<Row> expected, List<Row> actual, List<Row> missing, List<Row> unexpected) {
        this.expected = List.copyOf(expected);
        this.actual = List.copyOf(actual);
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
    }

    public static RowDiff ignoringOrder(List<Row> expected, List<Row> actual) {
        Map<Row, Integer> remaining = new LinkedHashMap<>();
        actual.forEach(r -> remaining.merge(r, 1, Integer::sum));
        List<Row> missing = new ArrayList<>();
        for (Row row : expected) {
            Integer left = remaining.get(row);
            if (left == null) {
                missing.add(row);
            } else if (left == 1) {
                remaining.remove(row);
            } else {
                remaining.put(row, left - 1);
            }
        }
        List<Row> unexpected = new ArrayList<>();
        remaining.forEach((row, n) -> {
            for (int i = 0; i < n; i++) {
                unexpected.add(row);
            }
        });
        return new RowDiff(expected, actual, missing, unexpected);
    }

    public boolean isEmpty() {
        return missing.isEmpty() && unexpected.isEmpty();
    }

    public List<Row> missing() {
        return missing;
    }

    public List<Row> unexpected() {
        return unexpected;
    }

    /**
     * The readable diff, in the layout of the result assertions' messages after their first line:
     * <pre>
     * to contain exactly, in any order, 3 rows
     * but could not find 1 row, and found 1 unexpected row:
     *       user  | clicks
     *   differing (1):
     *     - alice | 3
     *     + alice | 2
     *               ^
     * </pre>
     */
    public String render() {
        return render(ROWS_SHOWN);
    }

    /** The readable diff with at most {@code rowsShown} rows per section. */
    public String render(int rowsShown) {
        String wanted = "to contain exactly, in any order, " + Plural.rows(expected.size());
        if (isEmpty()) {
            return wanted + "\nand it does";
        }
        List<String> columns = columns();
        Comparison comparison = Comparison.exact(columns);
        AnyOrderDiff diff = new AnyOrderDiff(columns, comparison, compared(expected, columns),
                compared(actual, columns), false);
        return wanted + "\n" + diff.render(rowsShown);
    }

    /** Every column of any row, in the order they first appear. */
    private List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        expected.forEach(r -> columns.addAll(r.columns()));
        actual.forEach(r -> columns.addAll(r.columns()));
        return new ArrayList<>(columns);
    }

    /** Rows of untyped values: compared by their normalised values, shown as {@link Row} shows them. */
    private static List<Compared> compared(List<Row> rows, List<String> columns) {
        List<Compared> out = new ArrayList<>();
        int window = columns.indexOf("window_start");
        for (Row row : rows) {
            Object[] keys = new Object[columns.size()];
            List<String> shown = new ArrayList<>();
            for (int c = 0; c < keys.length; c++) {
                boolean has = row.values().containsKey(columns.get(c));
                keys[c] = has ? row.get(columns.get(c)) : NONE;
                shown.add(has ? Row.render(keys[c]) : "(none)");
            }
            out.add(new Compared(keys, shown, window >= 0 && keys[window] instanceof String s ? s : null, out.size()));
        }
        return out;
    }

    /** The key of a column a row does not have: equal to no value. */
    private static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "(none)";
        }
    };

    @Override
    public String toString() {
        return render();
    }
}
