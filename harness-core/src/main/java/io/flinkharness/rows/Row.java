package io.flinkharness.rows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.internal.RestJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of a result: column names to values, in column order. Values are normalised so that rows compare
 * by meaning, not by how a number was written: integral numbers in the range of {@code long} become
 * {@code Long}, other numbers {@code BigDecimal} without trailing zeros ({@code 2.50} equals {@code 2.5}), NaN
 * and infinities {@code Double}; nested objects become rows' maps, arrays lists.
 *
 * <pre>{@code
 * Row expected = Row.of("user", "alice", "window_start", "2024-01-01 00:00:00", "clicks", 3);
 * Row actual = Row.fromJson("{\"user\":\"alice\",\"window_start\":\"2024-01-01 00:00:00\",\"clicks\":3}");
 * assert expected.equals(actual);
 * }</pre>
 */
public final class Row {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final Map<String, Object> values;

    private Row(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A row from alternating column names and values: {@code Row.of("a", 1, "b", "x")}; each column once. */
    public static Row of(Object... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Row.of takes column/value pairs, got " + columnsAndValues.length
                    + " arguments");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            String column = String.valueOf(columnsAndValues[i]);
            if (values.containsKey(column)) {
                throw new IllegalArgumentException("column '" + column + "' given twice in Row.of");
            }
            values.put(column, normalize(columnsAndValues[i + 1]));
        }
        return new Row(values);
    }

    /** A row from a map of column names to values, in the map's order. */
    public static Row of(Map<String, ?> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        columns.forEach((k, v) -> values.put(k, normalize(v)));
        return new Row(values);
    }

    /** A row from a JSON object, as Flink's {@code json} format writes it. */
    public static Row fromJson(String json) {
        try {
            JsonNode node = RestJson.MAPPER.readTree(json);
            if (!node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object for a row, got: " + abbreviate(json));
            }
            return of(RestJson.MAPPER.convertValue(node, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON row: " + abbreviate(json) + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    public Map<String, Object> values() {
        return values;
    }

    public List<String> columns() {
        return new ArrayList<>(values.keySet());
    }

    public Object get(String column) {
        return values.get(column);
    }

    /** Columns whose values differ from {@code other}'s; columns present in only one row count as different. */
    public List<String> differingColumns(Row other) {
        List<String> columns = new ArrayList<>(values.keySet());
        other.values.keySet().stream().filter(c -> !values.containsKey(c)).forEach(columns::add);
        return columns.stream()
                .filter(c -> !(values.containsKey(c) && other.values.containsKey(c)
                        && Objects.equals(values.get(c), other.values.get(c))))
                .collect(Collectors.toList());
    }

    static Object normalize(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return normalize(new BigDecimal(big));
        }
        if (value instanceof Float || value instanceof Double) {
            return normalizeFloatingPoint(((Number) value).doubleValue(), value.toString());
        }
        if (value instanceof BigDecimal decimal) {
            return normalizeDecimal(decimal);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((k, v) -> nested.put(String.valueOf(k), normalize(v)));
            return Collections.unmodifiableMap(nested);
        }
        if (value instanceof List<?> list) {
            // JSON arrays may hold nulls, which List.copyOf and toUnmodifiableList refuse
            return Collections.unmodifiableList(list.stream().map(Row::normalize).collect(Collectors.toList()));
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        return value;
    }

    /** NaN and infinities stay {@code Double}; finite values are read from their decimal text, as JSON would be. */
    private static Object normalizeFloatingPoint(double value, String text) {
        return Double.isFinite(value) ? normalizeDecimal(new BigDecimal(text)) : (Object) value;
    }

    /** Integral values in the range of {@code long} become {@code Long}, others lose their trailing zeros. */
    private static Object normalizeDecimal(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        boolean inLongRange = stripped.compareTo(LONG_MIN) >= 0 && stripped.compareTo(LONG_MAX) <= 0;
        return stripped.scale() <= 0 && inLongRange ? (Object) stripped.longValueExact() : stripped;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /**
     * {@code {user=alice, clicks=3}}; strings are quoted when they could be mistaken for numbers, decimals are
     * written out in digits ({@code 10000000000000000000}, not {@code 1E+19}).
     */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + render(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static String render(Object value) {
        if (value instanceof String s && (s.isEmpty() || s.matches("-?[0-9.]+|null|true|false") || s.isBlank())) {
            return "\"" + s + "\"";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }
}
