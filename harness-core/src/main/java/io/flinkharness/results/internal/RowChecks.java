package io.flinkharness.results.internal;

import io.flinkharness.results.ResultRow;
import io.flinkharness.results.ResultTable;
import io.flinkharness.rows.Row;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The row assertions of a result table, each as a failure message (empty when it holds) in one layout:
 *
 * <pre>
 * Expecting table counts (topic counts-3f2a, append, 3 rows)
 * to contain exactly, in any order, 3 rows
 * but could not find 1 row, and found 1 unexpected row:
 *       user  | clicks
 *   differing (1):
 *     - alice | 3
 *     + alice | 2
 *               ^
 * </pre>
 *
 * Not part of the public API.
 */
public final class RowChecks {
    private RowChecks() {
    }

    public static Optional<String> containsExactlyInAnyOrder(TableComparer comparer, List<Row> expected, int limit) {
        AnyOrderDiff diff = new AnyOrderDiff(comparer.columns(), comparer.comparison(), comparer.expected(expected),
                comparer.actual(), false);
        return diff.isEmpty() ? Optional.empty() : Optional.of(expecting(comparer.table())
                + "to contain exactly, in any order, " + Plural.rows(expected.size()) + comparer.settingsText() + "\n"
                + diff.render(limit));
    }

    public static Optional<String> containsExactlyInOrder(TableComparer comparer, List<Row> expected, int limit) {
        InOrderDiff diff = new InOrderDiff(comparer.columns(), comparer.comparison(), comparer.expected(expected),
                comparer.actual());
        return diff.isEmpty() ? Optional.empty() : Optional.of(expecting(comparer.table())
                + "to contain exactly, in this order, " + Plural.rows(expected.size()) + comparer.settingsText() + "\n"
                + diff.render(limit));
    }

    public static Optional<String> contains(TableComparer comparer, List<Row> expected, int limit) {
        AnyOrderDiff diff = new AnyOrderDiff(comparer.columns(), comparer.comparison(), comparer.expected(expected),
                comparer.actual(), true);
        return diff.isEmpty() ? Optional.empty() : Optional.of(expecting(comparer.table()) + "to contain "
                + Plural.rows(expected.size()) + comparer.settingsText() + "\n" + diff.render(limit));
    }

    public static Optional<String> doesNotContain(TableComparer comparer, List<Row> unwanted, int limit) {
        List<Compared> expected = comparer.expected(unwanted);
        List<Compared> actual = comparer.actual();
        Set<Integer> foundRows = new LinkedHashSet<>();
        int found = 0;
        for (Compared row : expected) {
            boolean any = false;
            for (Compared candidate : actual) {
                if (comparer.comparison().matches(row, candidate)) {
                    foundRows.add(candidate.position());
                    any = true;
                }
            }
            found += any ? 1 : 0;
        }
        if (found == 0) {
            return Optional.empty();
        }
        List<Compared> shown = new ArrayList<>();
        foundRows.forEach(i -> shown.add(actual.get(i)));
        TextTable table = new TextTable(comparer.columns());
        AnyOrderDiff.lines(table, "found", '+', shown, limit);
        return Optional.of(expecting(comparer.table()) + "not to contain " + Plural.rows(unwanted.size())
                + comparer.settingsText() + "\nbut found " + found + " of them:\n" + table.render());
    }

    public static Optional<String> hasRowCount(ResultTable table, int expected, int limit) {
        if (table.size() == expected) {
            return Optional.empty();
        }
        return Optional.of(expecting(table) + "to have " + Plural.rows(expected) + "\nbut had " + table.size()
                + (table.isEmpty() ? "" : ":\n" + rows(table.columnNames(), table.rows(), ' ', limit)));
    }

    /** The first line: {@code Expecting table counts (topic counts-3f2a, append, 3 rows)} and a line break. */
    public static String expecting(ResultTable table) {
        return "Expecting " + table.describe() + "\n";
    }

    /** Rows as a text table, at most {@code limit} of them. */
    public static String rows(List<String> columns, List<ResultRow> rows, char marker, int limit) {
        TextTable table = new TextTable(columns);
        rows.stream().limit(limit).forEach(r -> table.line(marker, r.values().stream().map(TypedValues::show).toList()));
        AnyOrderDiff.more(table, rows.size(), limit);
        return table.render();
    }
}
