package io.flinkharness.data.internal;

import io.flinkharness.data.Struct;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.CharType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Turns a literal written by a user (in Java or in a case file: numbers, strings, lists, maps) into the Java value
 * the generator uses for a field type, or explains why it cannot.
 */
public final class Literals {
    private Literals() {
    }

    /** Thrown with a message that completes "field 'x' rule y: ...". */
    public static final class LiteralException extends IllegalArgumentException {
        LiteralException(String message) {
            super(message);
        }
    }

    public static Object coerce(LogicalType type, Object literal) {
        if (literal == null) {
            if (!type.isNullable()) {
                throw new LiteralException("null is not allowed: the field is " + type.asSummaryString());
            }
            return null;
        }
        try {
            return coerceNonNull(type, literal);
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw new LiteralException("cannot read " + quote(literal) + " as " + type.asSummaryString() + " ("
                    + e.getMessage() + ")");
        }
    }

    private static Object coerceNonNull(LogicalType type, Object v) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                if (v instanceof Boolean) {
                    return v;
                }
                if ("true".equalsIgnoreCase(v.toString()) || "false".equalsIgnoreCase(v.toString())) {
                    return Boolean.valueOf(v.toString());
                }
                throw mismatch(type, v);
            case TINYINT:
                return (byte) integral(type, v, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT:
                return (short) integral(type, v, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER:
                return (int) integral(type, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT:
                return integral(type, v, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT:
                return decimal(type, v).floatValue();
            case DOUBLE:
                return decimal(type, v).doubleValue();
            case DECIMAL:
                return toDecimal((DecimalType) type, decimal(type, v));
            case CHAR:
            case VARCHAR:
                return string(type, v);
            case BINARY:
            case VARBINARY:
                if (v instanceof byte[] b) {
                    return b;
                }
                try {
                    return Base64.getDecoder().decode(v.toString());
                } catch (IllegalArgumentException e) {
                    throw new LiteralException("cannot read " + quote(v) + " as " + type.asSummaryString()
                            + ": give bytes as base64 text");
                }
            case DATE:
                return v instanceof LocalDate d ? d : LocalDate.parse(v.toString());
            case TIME_WITHOUT_TIME_ZONE:
                return v instanceof LocalTime t ? t : LocalTime.parse(v.toString());
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return Times.toLocal(timestamp(v));
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return timestamp(v);
            case ARRAY:
                return list((ArrayType) type, v);
            case MAP:
                return map((MapType) type, v);
            case ROW:
                return row((RowType) type, v);
            default:
                throw new LiteralException("the generator does not support type " + type.asSummaryString());
        }
    }

    /** An instant from an Instant, a LocalDateTime (UTC), epoch millis, or text in ISO or SQL form. */
    public static Instant timestamp(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof Long || v instanceof Integer) {
            return Instant.ofEpochMilli(((Number) v).longValue());
        }
        String s = v.toString().trim();
        if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return java.time.OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
        }
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    /** A value (maps, lists, scalars) as JSON text: an Avro schema written inline in a case file. */
    public static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LiteralException("cannot write " + value + " as JSON: " + e.getOriginalMessage());
        }
    }

    /** A duration from a Duration, ISO-8601 text ({@code PT5S}) or a short form ({@code 5s}, {@code 250ms}). */
    public static Duration duration(Object v) {
        if (v instanceof Duration d) {
            return d;
        }
        Duration d = io.flinkharness.internal.Durations.parseOrNull(v.toString());
        if (d == null) {
            throw new LiteralException("cannot read " + quote(v) + " as a duration: write 250ms, 5s, 2m, 1h, 1d or"
                    + " ISO-8601 like PT5S");
        }
        return d;
    }

    private static long integral(LogicalType type, Object v, long min, long max) {
        BigDecimal d = decimal(type, v);
        BigInteger i;
        try {
            i = d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new LiteralException(quote(v) + " is not a whole number, but the field is "
                    + type.asSummaryString());
        }
        if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new LiteralException(quote(v) + " is out of range for " + type.asSummaryString() + " (" + min
                    + ".." + max + ")");
        }
        return i.longValue();
    }

    private static BigDecimal decimal(LogicalType type, Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new LiteralException("cannot read " + quote(v) + " as " + type.asSummaryString()
                        + ": not a number");
            }
        }
        throw mismatch(type, v);
    }

    public static BigDecimal toDecimal(DecimalType type, BigDecimal d) {
        BigDecimal scaled;
        try {
            scaled = d.setScale(type.getScale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new LiteralException(d.toPlainString() + " has more than " + type.getScale()
                    + " decimal places, but the field is " + type.asSummaryString());
        }
        if (scaled.precision() > type.getPrecision()) {
            throw new LiteralException(d.toPlainString() + " has more digits than " + type.asSummaryString()
                    + " holds");
        }
        return scaled;
    }

    private static String string(LogicalType type, Object v) {
        if (v instanceof Map || v instanceof List || v instanceof byte[]) {
            throw mismatch(type, v);
        }
        String s = v.toString();
        int max = type instanceof VarCharType vc ? vc.getLength() : type instanceof CharType c ? c.getLength()
                : Integer.MAX_VALUE;
        if (s.length() > max) {
            throw new LiteralException(quote(v) + " is " + s.length() + " characters long, but the field is "
                    + type.asSummaryString());
        }
        return s;
    }

    private static List<Object> list(ArrayType type, Object v) {
        if (!(v instanceof List<?> items)) {
            throw mismatch(type, v);
        }
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(coerce(type.getElementType(), item));
        }
        return out;
    }

    private static Map<Object, Object> map(MapType type, Object v) {
        if (!(v instanceof Map<?, ?> entries)) {
            throw mismatch(type, v);
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        entries.forEach((k, val) -> out.put(coerce(type.getKeyType(), k), coerce(type.getValueType(), val)));
        return out;
    }

    private static Struct row(RowType type, Object v) {
        Map<?, ?> fields;
        if (v instanceof Struct s) {
            fields = s.asMap();
        } else if (v instanceof Map<?, ?> m) {
            fields = m;
        } else {
            throw mismatch(type, v);
        }
        for (Object name : fields.keySet()) {
            if (!type.getFieldNames().contains(String.valueOf(name))) {
                throw new LiteralException("no field '" + name + "' in " + type.asSummaryString());
            }
        }
        List<Object> values = new ArrayList<>();
        for (RowType.RowField f : type.getFields()) {
            values.add(coerce(f.getType(), fields.get(f.getName())));
        }
        return Struct.of(type.getFieldNames(), values);
    }

    private static LiteralException mismatch(LogicalType type, Object v) {
        return new LiteralException("cannot use " + quote(v) + " (" + v.getClass().getSimpleName() + ") as "
                + type.asSummaryString());
    }

    static String quote(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }
}
