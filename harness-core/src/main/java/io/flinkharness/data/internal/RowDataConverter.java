package io.flinkharness.data.internal;

import io.flinkharness.data.Struct;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimeType;
import org.apache.flink.table.types.logical.TimestampType;

/**
 * Turns a {@link Struct} into Flink's internal {@link RowData} for a row type, checking every value's Java type
 * on the way (a wrong one is an error naming the field path, the SQL type and the value). Converters are built
 * once per row type; nested structs are read by field name, so a struct may carry more fields than the row
 * (a key or an EXCEPT_KEY value reads its own fields from the whole record). Not part of the public API.
 *
 * <p>Timestamps and times are truncated to the declared precision, as a Flink job writing that type would.
 */
public final class RowDataConverter {
    private final Converter root;

    private RowDataConverter(Converter root) {
        this.root = root;
    }

    /** A converter for structs of {@code rowType}, whose fields it reads by the row type's field names. */
    public static RowDataConverter of(RowType rowType) {
        return of(rowType, rowType.getFieldNames());
    }

    /**
     * A converter for {@code rowType} reading its top-level fields from the struct fields named
     * {@code structFields} (same order and size), e.g. key columns renamed by {@code 'key.fields-prefix'}.
     */
    public static RowDataConverter of(RowType rowType, List<String> structFields) {
        return new RowDataConverter(new RowConverter(rowType, structFields, ""));
    }

    public RowData convert(Struct struct) {
        if (struct == null) {
            throw new IllegalArgumentException("cannot encode a null struct — a tombstone has no value to encode");
        }
        return (RowData) root.convert(struct);
    }

    /** One SQL type's conversion from the Java value of a struct to Flink's internal value. */
    private abstract static class Converter {
        final LogicalType type;
        final String path;

        Converter(LogicalType type, String path) {
            this.type = type;
            this.path = path;
        }

        final Object convert(Object value) {
            if (value == null) {
                if (!type.isNullable()) {
                    throw mismatch(null);
                }
                return null;
            }
            return convertNonNull(value);
        }

        abstract Object convertNonNull(Object value);

        abstract String javaType();

        FieldValueException mismatch(Object value) {
            return new FieldValueException(path, "(" + type.asSummaryString() + "): expected " + javaType() + ", got "
                    + describe(value));
        }
    }

    static Converter create(LogicalType type, String path) {
        return switch (type.getTypeRoot()) {
            case CHAR, VARCHAR -> simple(type, path, String.class, v -> StringData.fromString((String) v));
            case BOOLEAN -> simple(type, path, Boolean.class, v -> v);
            case TINYINT -> simple(type, path, Byte.class, v -> v);
            case SMALLINT -> simple(type, path, Short.class, v -> v);
            case INTEGER -> simple(type, path, Integer.class, v -> v);
            case BIGINT -> simple(type, path, Long.class, v -> v);
            case FLOAT -> simple(type, path, Float.class, v -> v);
            case DOUBLE -> simple(type, path, Double.class, v -> v);
            case BINARY, VARBINARY -> simple(type, path, byte[].class, v -> v);
            case DATE -> simple(type, path, LocalDate.class, v -> (int) ((LocalDate) v).toEpochDay());
            case TIME_WITHOUT_TIME_ZONE -> time((TimeType) type, path);
            case TIMESTAMP_WITHOUT_TIME_ZONE -> {
                int precision = ((TimestampType) type).getPrecision();
                yield simple(type, path, LocalDateTime.class, v -> TimestampData.fromLocalDateTime(
                        ((LocalDateTime) v).withNano(truncate(((LocalDateTime) v).getNano(), precision))));
            }
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> {
                int precision = ((LocalZonedTimestampType) type).getPrecision();
                yield simple(type, path, Instant.class, v -> TimestampData.fromInstant(Instant.ofEpochSecond(
                        ((Instant) v).getEpochSecond(), truncate(((Instant) v).getNano(), precision))));
            }
            case DECIMAL -> new DecimalConverter((DecimalType) type, path);
            case ARRAY -> new ArrayConverter((ArrayType) type, path);
            case MAP -> new MapConverter(type, ((MapType) type).getKeyType(), ((MapType) type).getValueType(), path);
            case MULTISET -> new MapConverter(type, ((MultisetType) type).getElementType(),
                    new org.apache.flink.table.types.logical.IntType(false), path);
            case ROW -> new RowConverter((RowType) type, ((RowType) type).getFieldNames(), path);
            default -> throw new IllegalArgumentException("field '" + path + "': type " + type.asSummaryString()
                    + " is not supported by the harness's encoders; supported: CHAR, VARCHAR, BOOLEAN, TINYINT,"
                    + " SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, BINARY, VARBINARY, DATE, TIME, TIMESTAMP,"
                    + " TIMESTAMP_LTZ, ARRAY, MAP, MULTISET, ROW");
        };
    }

    /** Nanoseconds of a second cut to {@code precision} fractional digits. */
    static int truncate(int nanos, int precision) {
        int unit = 1;
        for (int i = precision; i < 9; i++) {
            unit *= 10;
        }
        return nanos - nanos % unit;
    }

    private static Converter time(TimeType type, String path) {
        int unit = type.getPrecision() >= 3 ? 1 : type.getPrecision() == 2 ? 10 : type.getPrecision() == 1 ? 100 : 1000;
        return simple(type, path, LocalTime.class, v -> {
            int millis = (int) (((LocalTime) v).toNanoOfDay() / 1_000_000);
            return millis - millis % unit;
        });
    }

    private interface Conversion {
        Object apply(Object value);
    }

    private static Converter simple(LogicalType type, String path, Class<?> javaClass, Conversion conversion) {
        return new Converter(type, path) {
            @Override
            Object convertNonNull(Object value) {
                if (!javaClass.isInstance(value)) {
                    throw mismatch(value);
                }
                return conversion.apply(value);
            }

            @Override
            String javaType() {
                return javaClass.getSimpleName();
            }
        };
    }

    private static final class DecimalConverter extends Converter {
        private final int precision;
        private final int scale;

        DecimalConverter(DecimalType type, String path) {
            super(type, path);
            this.precision = type.getPrecision();
            this.scale = type.getScale();
        }

        @Override
        Object convertNonNull(Object value) {
            if (!(value instanceof BigDecimal decimal)) {
                throw mismatch(value);
            }
            DecimalData data = DecimalData.fromBigDecimal(decimal, precision, scale);
            if (data == null) {
                throw new FieldValueException(path, "(" + type.asSummaryString() + "): " + decimal.toPlainString()
                        + " does not fit (at most " + (precision - scale) + " digits before the point)");
            }
            return data;
        }

        @Override
        String javaType() {
            return "BigDecimal";
        }
    }

    private static final class ArrayConverter extends Converter {
        private final Converter element;

        ArrayConverter(ArrayType type, String path) {
            super(type, path);
            this.element = create(type.getElementType(), path + "[#]");
        }

        @Override
        Object convertNonNull(Object value) {
            if (!(value instanceof List<?> list)) {
                throw mismatch(value);
            }
            Object[] out = new Object[list.size()];
            int i = 0;
            for (Object item : list) {
                try {
                    out[i] = element.convert(item);
                } catch (FieldValueException e) {
                    throw e.at(i);
                }
                i++;
            }
            return new GenericArrayData(out);
        }

        @Override
        String javaType() {
            return "List";
        }
    }

    private static final class MapConverter extends Converter {
        private final Converter key;
        private final Converter value;

        MapConverter(LogicalType type, LogicalType keyType, LogicalType valueType, String path) {
            super(type, path);
            this.key = create(keyType, path + "[#].key");
            this.value = create(valueType, path + "[#]");
        }

        @Override
        Object convertNonNull(Object map) {
            if (!(map instanceof Map<?, ?> entries)) {
                throw mismatch(map);
            }
            Map<Object, Object> out = new LinkedHashMap<>(entries.size() * 2);
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                String shown = e.getKey() instanceof String s ? "\"" + s + "\"" : String.valueOf(e.getKey());
                try {
                    out.put(key.convert(e.getKey()), value.convert(e.getValue()));
                } catch (FieldValueException failure) {
                    throw failure.at(shown);
                }
            }
            return new GenericMapData(out);
        }

        @Override
        String javaType() {
            return "Map";
        }
    }

    private static final class RowConverter extends Converter {
        private final String[] names;
        private final Converter[] fields;
        private List<String> lastNames;
        private int[] lastPositions;

        RowConverter(RowType type, List<String> structFields, String path) {
            super(type, path);
            this.names = structFields.toArray(String[]::new);
            this.fields = new Converter[names.length];
            for (int i = 0; i < names.length; i++) {
                String name = type.getFieldNames().get(i);
                fields[i] = create(type.getTypeAt(i), path.isEmpty() ? name : path + "." + name);
            }
        }

        @Override
        Object convertNonNull(Object value) {
            if (!(value instanceof Struct struct)) {
                throw mismatch(value);
            }
            int[] positions = positions(struct);
            GenericRowData row = new GenericRowData(fields.length);
            for (int i = 0; i < fields.length; i++) {
                row.setField(i, fields[i].convert(struct.get(positions[i])));
            }
            return row;
        }

        /** Where each field is in the struct; structs of one factory share their names list, so this is cached. */
        private int[] positions(Struct struct) {
            List<String> structNames = struct.fieldNames();
            if (structNames == lastNames) {
                return lastPositions;
            }
            int[] positions = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                positions[i] = structNames.indexOf(names[i]);
                if (positions[i] < 0) {
                    throw new FieldValueException(path.isEmpty() ? names[i] : path + "." + names[i],
                            "is missing from the struct, which has fields " + structNames);
                }
            }
            lastNames = structNames;
            lastPositions = positions;
            return positions;
        }

        @Override
        String javaType() {
            return "Struct";
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String shown = value instanceof String s ? "\"" + s + "\""
                : value instanceof byte[] b ? b.length + " bytes" : String.valueOf(value);
        if (shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return value.getClass().getSimpleName() + " " + shown;
    }
}
