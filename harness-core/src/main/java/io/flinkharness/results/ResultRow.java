package io.flinkharness.results;

import io.flinkharness.results.internal.TypedValues;
import io.flinkharness.rows.Row;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One row of a {@link ResultTable}: a typed value per column, in column order. Values are the Java types of the
 * columns' SQL types (see {@link ResultTable}); nested rows are {@link io.flinkharness.data.Struct}s.
 *
 * <pre>{@code
 * ResultRow first = table.rows().get(0);
 * LocalDateTime start = (LocalDateTime) first.get("window_start");
 * }</pre>
 */
public final class ResultRow {
    private final List<String> columns;
    private final Object[] values;

    ResultRow(List<String> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** The value of a column. */
    public Object get(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in " + columns);
        }
        return values[i];
    }

    /** The value at a position (0-based, column order). */
    public Object get(int position) {
        return values[position];
    }

    /** Every value in column order (nulls included). */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    public List<String> columnNames() {
        return columns;
    }

    /** Column name to value, in column order. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(columns.get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The row as an untyped {@link Row}, with values as Flink's {@code json} format writes them: timestamps,
     * dates and times as SQL text ({@code "2024-01-01 00:00:00"}, TIMESTAMP_LTZ with a {@code Z}), bytes as
     * base64, nested rows as maps.
     */
    public Row toRow() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(columns.get(i), RowValues.untyped(values[i]));
        }
        return Row.of(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultRow other && columns.equals(other.columns)
                && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + Arrays.deepHashCode(values);
    }

    /** {@code {user=alice, window_start=2024-01-01 00:00:00, clicks=3}} */
    @Override
    public String toString() {
        return IntStream.range(0, values.length).mapToObj(i -> columns.get(i) + "=" + TypedValues.show(values[i]))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
