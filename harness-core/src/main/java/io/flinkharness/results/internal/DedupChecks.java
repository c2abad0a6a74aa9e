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
 * The deduplication assertions of a result table: one row per key, and per key the row of the record a
 * deduplication on event time keeps (as Flink's does: the smallest event time for "first", ties to the earliest
 * arrival; the largest for "last", ties to the latest arrival). Not part of the public API.
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
        List<Compared> expected = new ArrayList<>();
        kept(input, keyField, first).values().forEach(r -> expected.add(comparer.expectedValues(r.value().asMap(),
                expected.size())));
        AnyOrderDiff diff = new AnyOrderDiff(comparer.columns(), comparer.comparison(), expected, comparer.actual(),
                false, List.of(comparer.columns().indexOf(keyField)));
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RowChecks.expecting(table) + "to keep the " + (first ? "first" : "last") + " record per "
                + keyField + " by event time of its input (" + input.size() + " records, seed " + input.seed()
                + "): " + Plural.rows(expected.size()) + comparer.settingsText() + "\n" + diff.render(limit));
    }

    /** Per key (in order of first arrival), the record kept. */
    static Map<Object, GeneratedRecord> kept(GeneratedData input, String keyField, boolean first) {
        Map<Object, GeneratedRecord> kept = new LinkedHashMap<>();
        for (GeneratedRecord record : input) {
            Object key = record.value().get(keyField);
            GeneratedRecord current = kept.get(key);
            int order = current == null ? 0 : record.eventTime().compareTo(current.eventTime());
            if (current == null || (first ? order < 0 : order >= 0)) {
                kept.put(key, record);
            }
        }
        return kept;
    }
}
