package io.flinkharness.results.internal;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.results.ResultRow;
import io.flinkharness.results.ResultTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deduplication assertions of a result table: one row per key, and per key the row of a record Flink's
 * deduplication on event time can keep ({@link DedupOutcomes}). Not part of the public API.
 */
public final class DedupChecks {
    private DedupChecks() {
    }

    /** No two rows share their values in {@code columns}. */
    public static Optional<String> isUniqueBy(ResultTable table, List<String> columns, int limit) {
        TableComparer comparer = new TableComparer(table, Settings.DEFAULT.withColumns(columns));
        Map<List<Object>, List<ResultRow>> groups = new LinkedHashMap<>();
        List<Compared> keys = comparer.actual();
        for (int i = 0; i < keys.size(); i++) {
            groups.computeIfAbsent(comparer.comparison().fullKey(keys.get(i)), k -> new ArrayList<>())
                    .add(table.rows().get(i));
        }
        List<ResultRow> repeated = new ArrayList<>();
        long keysRepeated = groups.values().stream().filter(g -> g.size() > 1).peek(repeated::addAll).count();
        if (keysRepeated == 0) {
            return Optional.empty();
        }
        String key = columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
        return Optional.of(RowChecks.expecting(table) + "to have one row per " + key + "\nbut found "
                + Plural.of(keysRepeated, key + " value", key + " values") + " in more than one row:\n"
                + RowChecks.rows(table.columnNames(), repeated, '!', limit));
    }

    /**
     * The table holds, per key, the row of the record a deduplication keeps, on the columns the table and the
     * input share (or the selected ones).
     */
    public static Optional<String> keeps(ResultTable table, Settings settings, GeneratedData input, String keyField,
                                         boolean first, int limit) {
        List<String> inputFields = input.schema().fieldNames();
        if (!inputFields.contains(keyField)) {
            throw new IllegalArgumentException("the input (" + input.schema().description() + ") has no field '"
                    + keyField + "'; its fields: " + inputFields);
        }
        if (table.column(keyField).isEmpty()) {
            throw new IllegalArgumentException(table.describe() + " has no column '" + keyField + "'; its columns: "
                    + table.columnNames());
        }
        List<String> columns = new ArrayList<>(settings.columns().isEmpty()
                ? table.columnNames().stream().filter(inputFields::contains).toList() : settings.columns());
        if (!columns.contains(keyField)) {
            columns.add(0, keyField);
        }
        for (String column : columns) {
            if (!inputFields.contains(column)) {
                throw new IllegalArgumentException("column '" + column + "' is not a field of the input ("
                        + input.schema().description() + "), so it cannot be compared with it; its fields: "
                        + inputFields);
            }
        }
        TableComparer comparer = new TableComparer(table, settings.withColumns(columns));
        int keyColumn = comparer.columns().indexOf(keyField);
        List<Compared> actual = comparer.actual();
        Map<Object, List<Optional<GeneratedRecord>>> outcomes = first ? DedupOutcomes.first(input, keyField)
                : DedupOutcomes.last(input, keyField);
        List<Compared> expected = new ArrayList<>();
        int open = 0;
        for (List<Optional<GeneratedRecord>> possible : outcomes.values()) {
            open += possible.size() > 1 ? 1 : 0;
            choose(comparer, possible, actual, keyColumn, expected.size())
                    .ifPresent(expected::add);
        }
        AnyOrderDiff diff = new AnyOrderDiff(comparer.columns(), comparer.comparison(), expected, actual, false,
                List.of(keyColumn));
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RowChecks.expecting(table) + "to keep the " + (first ? "first" : "last") + " record per "
                + keyField + " by event time of its input (" + input.size() + " records, seed " + input.seed()
                + ") as Flink's deduplication does: " + Plural.rows(expected.size())
                + (open == 0 ? "" : ", " + Plural.of(open, "key", "keys") + " with more than one possible row")
                + comparer.settingsText() + "\n" + diff.render(limit));
    }

    /**
     * The expected row of a key: its one possible record, or of several the one the table holds (so the diff
     * shows only keys whose row is none of the possible ones), else the first possible.
     */
    private static Optional<Compared> choose(TableComparer comparer, List<Optional<GeneratedRecord>> possible,
                                             List<Compared> actual, int keyColumn, int position) {
        List<Optional<Compared>> rows = possible.stream()
                .map(r -> r.map(record -> comparer.expectedValues(record.value().asMap(), position))).toList();
        if (rows.size() > 1) {
            for (Optional<Compared> row : rows) {
                boolean held = row.isPresent() ? actual.stream().anyMatch(a -> comparer.comparison().matches(row.get(), a))
                        : actual.stream().noneMatch(a -> sameKey(comparer, rows, a, keyColumn));
                if (held) {
                    return row;
                }
            }
        }
        return rows.get(0);
    }

    private static boolean sameKey(TableComparer comparer, List<Optional<Compared>> rows, Compared actual,
                                   int keyColumn) {
        return rows.stream().flatMap(Optional::stream).anyMatch(r -> comparer.comparison().cellMatches(keyColumn,
                r.keys()[keyColumn], actual.keys()[keyColumn]));
    }

}
