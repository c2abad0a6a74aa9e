package io.flinkharness.results.internal;

import io.flinkharness.data.Struct;
import io.flinkharness.rows.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The values of a typed column three ways: read from what a test writes ({@link #coerce}: {@code 3} or
 * {@code "3"} for a BIGINT, {@code "2024-01-01 00:00:00"} for a TIMESTAMP, base64 for bytes), reduced to a key
 * that is equal exactly when two values mean the same ({@link #key}: {@code 2.50} equals {@code 2.5}, a FLOAT
 * compares by its decimal text, bytes by content), and shown ({@link #show}: timestamps in SQL form, strings
 * quoted when they could be mistaken for something else). Not part of the public API.
 */
public final class TypedValues {
    private TypedValues() {
    }

    /** A value written for a column that cannot be read as the column's type; it equals no value of the column. */
    public record Unreadable(Object literal, LogicalType type) {
        @Override
        public String toString() {
            String shown = literal instanceof String s ? "\"" + s + "\"" : show(literal);
            return shown + " (not a " + type.asSummaryString() + ")";
        }
    }

    /** Bytes that compare by content. */
    public record Bytes(byte[] content) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(content, other.content);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return Base64.getEncoder().encodeToString(content);
        }
    }

    /**
     * The Java value of {@code type} that {@code literal} stands for, leniently: numbers from numbers or numeric
     * text, booleans from booleans or "true"/"false", temporal values from their Java types or text (ISO or SQL
     * form; TIMESTAMP_LTZ text without an offset is UTC), bytes from byte arrays or base64 text, arrays from
     * lists, maps from maps, rows from structs, rows or maps by field name. Anything else is {@link Unreadable}.
     */
    public static Object coerce(Object literal, LogicalType type) {
        if (literal == null || literal instanceof Unreadable) {
            return literal;
        }
        try {
            Object value = coerceNonNull(literal, type);
            return value == null ? new Unreadable(literal, type) : value;
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            return new Unreadable(literal, type);
        }
    }

    private static Object coerceNonNull(Object v, LogicalType type) {
        return switch (type.getTypeRoot()) {
            case CHAR, VARCHAR -> v instanceof String ? v : null;
            case BOOLEAN -> v instanceof Boolean ? v : v instanceof String s && s.matches("(?i)true|false")
                    ? (Object) Boolean.valueOf(s) : null;
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, FLOAT, DOUBLE -> number(v, type);
            case BINARY, VARBINARY -> v instanceof byte[] ? v : v instanceof Bytes b ? b.content()
                    : v instanceof String s ? Base64.getDecoder().decode(s) : null;
            case DATE -> v instanceof LocalDate ? v : v instanceof String s ? LocalDate.parse(s.strip()) : null;
            case TIME_WITHOUT_TIME_ZONE -> v instanceof LocalTime ? v
                    : v instanceof String s ? LocalTime.parse(s.strip()) : null;
            case TIMESTAMP_WITHOUT_TIME_ZONE -> localDateTime(v);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> instant(v);
            case ARRAY -> v instanceof List<?> list ? list(list, ((ArrayType) type).getElementType()) : null;
            case MAP -> v instanceof Map<?, ?> map
                    ? map(map, ((MapType) type).getKeyType(), ((MapType) type).getValueType()) : null;
            case MULTISET -> v instanceof Map<?, ?> map
                    ? map(map, ((MultisetType) type).getElementType(), new org.apache.flink.table.types.logical.IntType())
                    : null;
            case ROW -> row(v, (RowType) type);
            default -> null;
        };
    }

    /** A number of the column's exact Java type; a value it cannot hold exactly (2.5 for an INT) is unreadable. */
    private static Object number(Object v, LogicalType type) {
        LogicalTypeRoot root = type.getTypeRoot();
        String text = v instanceof String s ? s.strip() : v instanceof Number ? v.toString() : null;
        if (text == null) {
            return null;
        }
        if (text.matches("NaN|-?Infinity")) {
            return root == LogicalTypeRoot.FLOAT ? Float.valueOf(text)
                    : root == LogicalTypeRoot.DOUBLE ? (Object) Double.valueOf(text) : null;
        }
        BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(text);
        return switch (root) {
            case TINYINT -> d.byteValueExact();
            case SMALLINT -> d.shortValueExact();
            case INTEGER -> d.intValueExact();
            case BIGINT -> d.longValueExact();
            case FLOAT -> d.floatValue();
            case DOUBLE -> d.doubleValue();
            default -> withScale(d, ((org.apache.flink.table.types.logical.DecimalType) type).getScale());
        };
    }

    /** At the column's scale when that changes no digit ({@code 10} as {@code 10.00} for DECIMAL(10, 2)). */
    private static BigDecimal withScale(BigDecimal d, int scale) {
        try {
            return d.setScale(scale, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException moreDigits) {
            return d;
        }
    }

    private static LocalDateTime localDateTime(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC);
        }
        if (!(v instanceof String s)) {
            return null;
        }
        String text = s.strip().replace(' ', 'T');
        if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return localDateTime(OffsetDateTime.parse(text).toInstant());
        }
        return LocalDateTime.parse(text);
    }

    private static Instant instant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        LocalDateTime local = localDateTime(v);
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }

    private static List<Object> list(List<?> items, LogicalType element) {
        List<Object> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(coerce(item, element)));
        return Collections.unmodifiableList(out);
    }

    private static Map<Object, Object> map(Map<?, ?> entries, LogicalType keyType, LogicalType valueType) {
        Map<Object, Object> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(coerce(k, keyType), coerce(v, valueType)));
        return Collections.unmodifiableMap(out);
    }

    private static Struct row(Object v, RowType type) {
        Map<?, ?> fields = v instanceof Struct s ? s.asMap() : v instanceof Row r ? r.values()
                : v instanceof Map<?, ?> m ? m : null;
        if (fields == null || !fields.keySet().equals(new java.util.HashSet<>(type.getFieldNames()))) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (RowType.RowField field : type.getFields()) {
            values.add(coerce(fields.get(field.getName()), field.getType()));
        }
        return Struct.of(type.getFieldNames(), values);
    }

    /**
     * A key that equals another value's key exactly when the values mean the same: numbers as decimals without
     * trailing zeros (NaN and infinities as doubles; a FLOAT by its shortest decimal text, as JSON writes it),
     * bytes by content, arrays as lists, rows as lists of their fields' keys. Unreadable values stay themselves.
     */
    public static Object key(Object value, LogicalType type) {
        if (value == null || value instanceof Unreadable) {
            return value;
        }
        return switch (type.getTypeRoot()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, FLOAT, DOUBLE -> numberKey((Number) value);
            case BINARY, VARBINARY -> new Bytes((byte[]) value);
            case ARRAY -> ((List<?>) value).stream().map(e -> key(e, ((ArrayType) type).getElementType()))
                    .collect(Collectors.toList());
            case MAP -> mapKey((Map<?, ?>) value, ((MapType) type).getKeyType(), ((MapType) type).getValueType());
            case MULTISET -> mapKey((Map<?, ?>) value, ((MultisetType) type).getElementType(),
                    new org.apache.flink.table.types.logical.IntType());
            case ROW -> rowKey((Struct) value, (RowType) type);
            default -> value;
        };
    }

    /** The key of a number whatever its Java type. */
    public static Object numberKey(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                return d;
            }
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        BigDecimal decimal = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        return decimal.stripTrailingZeros();
    }

    private static Map<Object, Object> mapKey(Map<?, ?> map, LogicalType keyType, LogicalType valueType) {
        Map<Object, Object> out = new java.util.HashMap<>();
        map.forEach((k, v) -> out.put(key(k, keyType), key(v, valueType)));
        return out;
    }

    private static List<Object> rowKey(Struct struct, RowType type) {
        List<Object> out = new ArrayList<>(type.getFieldCount());
        for (RowType.RowField field : type.getFields()) {
            out.add(key(struct.get(field.getName()), field.getType()));
        }
        return out;
    }

    /**
     * A value as a table cell shows it: timestamps in SQL form ({@code 2024-01-01 00:00:00.5}, TIMESTAMP_LTZ with
     * a {@code Z}), decimals in digits, bytes in base64, strings as they are unless they could be mistaken for a
     * number, a boolean, null or nothing (then quoted).
     */
    public static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return quoteIfAmbiguous(s);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate() + " " + time(t.toLocalTime());
        }
        if (value instanceof Instant i) {
            return show(LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC)) + "Z";
        }
        if (value instanceof LocalTime t) {
            return time(t);
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TypedValues::show).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> show(e.getKey()) + "=" + show(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Struct struct) {
            return show(struct.asMap());
        }
        return String.valueOf(value);
    }

    /** {@code 12:00:00}, with the fraction of a second only when there is one, without trailing zeros. */
    private static String time(LocalTime t) {
        String base = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        if (t.getNano() == 0) {
            return base;
        }
        String fraction = String.format("%09d", t.getNano()).replaceAll("0+$", "");
        return base + "." + fraction;
    }

    /** Strings that read like numbers, booleans, null or nothing are quoted; others shown as they are. */
    public static String quoteIfAmbiguous(String s) {
        boolean ambiguous = s.isEmpty() || s.isBlank() || !s.equals(s.strip())
                || s.matches("-?[0-9.]+([eE][-+]?[0-9]+)?|null|true|false|NaN|-?Infinity");
        return ambiguous ? "\"" + s + "\"" : s;
    }
}
