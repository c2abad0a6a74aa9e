package io.flinkharness.data.internal;

import io.flinkharness.data.Struct;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Turns a {@link Struct} into the generic Avro datum of a user's schema, the way {@code GenericDatumWriter}
 * expects it, doing the logical types itself: {@code timestamp-millis/micros} from {@code Instant},
 * {@code local-timestamp-millis/micros} from {@code LocalDateTime}, {@code date} from {@code LocalDate},
 * {@code time-millis/micros} from {@code LocalTime}, {@code decimal} (bytes or fixed) from {@code BigDecimal},
 * enums from their symbol as {@code String}, {@code fixed} from {@code byte[]}. A union takes the first branch
 * whose Java type the value has. Record fields are read by name; a field missing from the struct takes the
 * schema's default, if it has one. Not part of the public API.
 */
public final class AvroDatumConverter {
    private final Node root;

    public AvroDatumConverter(Schema recordSchema) {
        if (recordSchema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("expected an Avro record schema, got " + recordSchema.getType());
        }
        this.root = node(recordSchema, "");
    }

    public Object convert(Struct struct) {
        if (struct == null) {
            throw new IllegalArgumentException("cannot encode a null struct — a tombstone has no value to encode");
        }
        return root.convert(struct);
    }

    /** The conversion of one schema node. */
    private abstract static class Node {
        final Schema schema;
        final String path;

        Node(Schema schema, String path) {
            this.schema = schema;
            this.path = path;
        }

        /** Whether a non-null value has the Java type this node takes (used to pick a union branch). */
        abstract boolean accepts(Object value);

        abstract Object convert(Object value);

        abstract String javaType();

        FieldValueException mismatch(Object value) {
            return new FieldValueException(path, "(Avro " + describeSchema(schema) + "): expected " + javaType()
                    + ", got " + RowDataConverter.describe(value));
        }
    }

    private static Node node(Schema schema, String path) {
        LogicalType logical = schema.getLogicalType();
        String name = logical == null ? "" : logical.getName();
        return switch (schema.getType()) {
            case NULL -> simple(schema, path, Void.class, v -> null);
            case BOOLEAN -> simple(schema, path, Boolean.class, v -> v);
            case INT -> switch (name) {
                case "date" -> simple(schema, path, LocalDate.class, v -> (int) ((LocalDate) v).toEpochDay());
                case "time-millis" -> simple(schema, path, LocalTime.class,
                        v -> (int) (((LocalTime) v).toNanoOfDay() / 1_000_000));
                default -> simple(schema, path, Integer.class, v -> v);
            };
            case LONG -> switch (name) {
                case "timestamp-millis" -> timestamp(schema, path, false);
                case "timestamp-micros" -> timestamp(schema, path, true);
                case "local-timestamp-millis" -> simple(schema, path, LocalDateTime.class,
                        v -> ((LocalDateTime) v).toInstant(ZoneOffset.UTC).toEpochMilli());
                case "local-timestamp-micros" -> simple(schema, path, LocalDateTime.class,
                        v -> micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
                case "time-micros" -> simple(schema, path, LocalTime.class,
                        v -> ((LocalTime) v).toNanoOfDay() / 1_000);
                default -> simple(schema, path, Long.class, v -> v);
            };
            case FLOAT -> simple(schema, path, Float.class, v -> v);
            case DOUBLE -> simple(schema, path, Double.class, v -> v);
            case STRING -> simple(schema, path, String.class, v -> v);
            case BYTES -> logical instanceof LogicalTypes.Decimal decimal
                    ? new DecimalNode(schema, path, decimal)
                    : simple(schema, path, byte[].class, v -> ByteBuffer.wrap((byte[]) v));
            case FIXED -> logical instanceof LogicalTypes.Decimal decimal
                    ? new DecimalNode(schema, path, decimal) : new FixedNode(schema, path);
            case ENUM -> new EnumNode(schema, path);
            case ARRAY -> new ArrayNode(schema, path);
            case MAP -> new MapNode(schema, path);
            case RECORD -> new RecordNode(schema, path);
            case UNION -> new UnionNode(schema, path);
        };
    }

    /**
     * An instant for {@code timestamp-millis/micros}: an {@code Instant}, or a {@code LocalDateTime} read as UTC,
     * because Flink maps TIMESTAMP(p) to these logical types by default ({@code timestamp_mapping.legacy}).
     */
    private static Node timestamp(Schema schema, String path, boolean micros) {
        return new Node(schema, path) {
            @Override
            boolean accepts(Object value) {
                return value instanceof Instant || value instanceof LocalDateTime;
            }

            @Override
            Object convert(Object value) {
                Instant instant = value instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC)
                        : value instanceof Instant i ? i : null;
                if (instant == null) {
                    throw mismatch(value);
                }
                return micros ? micros(instant) : instant.toEpochMilli();
            }

            @Override
            String javaType() {
                return "Instant or LocalDateTime (UTC)";
            }
        };
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private interface Conversion {
        Object apply(Object value);
    }

    private static Node simple(Schema schema, String path, Class<?> javaClass, Conversion conversion) {
        return new Node(schema, path) {
            @Override
            boolean accepts(Object value) {
                return javaClass.isInstance(value);
            }

            @Override
            Object convert(Object value) {
                if (value == null && javaClass == Void.class) {
                    return null;
                }
                if (!javaClass.isInstance(value)) {
                    throw mismatch(value);
                }
                return conversion.apply(value);
            }

            @Override
            String javaType() {
                return javaClass == Void.class ? "null" : javaClass.getSimpleName();
            }
        };
    }

    private static final class DecimalNode extends Node {
        private final int precision;
        private final int scale;

        DecimalNode(Schema schema, String path, LogicalTypes.Decimal decimal) {
            super(schema, path);
            this.precision = decimal.getPrecision();
            this.scale = decimal.getScale();
        }

        @Override
        boolean accepts(Object value) {
            return value instanceof BigDecimal;
        }

        @Override
        Object convert(Object value) {
            if (!(value instanceof BigDecimal decimal)) {
                throw mismatch(value);
            }
            BigDecimal scaled = decimal.setScale(scale, RoundingMode.HALF_UP);
            if (scaled.precision() > precision) {
                throw new FieldValueException(path, "(Avro " + describeSchema(schema) + "): "
                        + decimal.toPlainString() + " does not fit (at most " + (precision - scale)
                        + " digits before the point)");
            }
            byte[] unscaled = scaled.unscaledValue().toByteArray();
            if (schema.getType() == Schema.Type.BYTES) {
                return ByteBuffer.wrap(unscaled);
            }
            int size = schema.getFixedSize();
            if (unscaled.length > size) {
                throw new FieldValueException(path, "(Avro " + describeSchema(schema) + "): "
                        + decimal.toPlainString() + " needs " + unscaled.length + " bytes, the fixed has " + size);
            }
            byte[] fixed = new byte[size];
            Arrays.fill(fixed, 0, size - unscaled.length, (byte) (scaled.signum() < 0 ? 0xFF : 0));
            System.arraycopy(unscaled, 0, fixed, size - unscaled.length, unscaled.length);
            return new GenericData.Fixed(schema, fixed);
        }

        @Override
        String javaType() {
            return "BigDecimal";
        }
    }

    private static final class FixedNode extends Node {
        FixedNode(Schema schema, String path) {
            super(schema, path);
        }

        @Override
        boolean accepts(Object value) {
            return value instanceof byte[] b && b.length == schema.getFixedSize();
        }

        @Override
        Object convert(Object value) {
            if (!(value instanceof byte[] bytes)) {
                throw mismatch(value);
            }
            if (bytes.length != schema.getFixedSize()) {
                throw new FieldValueException(path, "(Avro " + describeSchema(schema) + "): expected exactly "
                        + schema.getFixedSize() + " bytes, got " + bytes.length);
            }
            return new GenericData.Fixed(schema, bytes);
        }

        @Override
        String javaType() {
            return "byte[]";
        }
    }

    private static final class EnumNode extends Node {
        EnumNode(Schema schema, String path) {
            super(schema, path);
        }

        @Override
        boolean accepts(Object value) {
            return value instanceof String s && schema.hasEnumSymbol(s);
        }

        @Override
        Object convert(Object value) {
            if (!(value instanceof String symbol)) {
                throw mismatch(value);
            }
            if (!schema.hasEnumSymbol(symbol)) {
                throw new FieldValueException(path, "(Avro " + describeSchema(schema) + "): \"" + symbol
                        + "\" is not one of the symbols " + schema.getEnumSymbols());
            }
            return new GenericData.EnumSymbol(schema, symbol);
        }

        @Override
        String javaType() {
            return "String";
        }
    }

    private static final class ArrayNode extends Node {
        private final Node element;

        ArrayNode(Schema schema, String path) {
            super(schema, path);
            this.element = node(schema.getElementType(), path + "[#]");
        }

        @Override
        boolean accepts(Object value) {
            return value instanceof List;
        }

        @Override
        Object convert(Object value) {
            if (!(value instanceof List<?> list)) {
                throw mismatch(value);
            }
            List<Object> out = new ArrayList<>(list.size());
            int i = 0;
            for (Object item : list) {
                try {
                    out.add(element.convert(item));
                } catch (FieldValueException e) {
                    throw e.at(i);
                }
                i++;
            }
            return out;
        }

        @Override
        String javaType() {
            return "List";
        }
    }

    private static final class MapNode extends Node {
        private final Node value;

        MapNode(Schema schema, String path) {
            super(schema, path);
            this.value = node(schema.getValueType(), path + "[#]");
        }

        @Override
        boolean accepts(Object v) {
            return v instanceof Map;
        }

        @Override
        Object convert(Object v) {
            if (!(v instanceof Map<?, ?> map)) {
                throw mismatch(v);
            }
            Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new FieldValueException(path, "(Avro " + describeSchema(schema) + "): map keys must be"
                            + " String, got " + RowDataConverter.describe(e.getKey()));
                }
                try {
                    out.put(key, value.convert(e.getValue()));
                } catch (FieldValueException failure) {
                    throw failure.at("\"" + key + "\"");
                }
            }
            return out;
        }

        @Override
        String javaType() {
            return "Map";
        }
    }

    private static final class RecordNode extends Node {
        private final List<Schema.Field> fields;
        private final Node[] nodes;
        private List<String> lastNames;
        private int[] lastPositions;

        RecordNode(Schema schema, String path) {
            super(schema, path);
            this.fields = schema.getFields();
            this.nodes = new Node[fields.size()];
            for (int i = 0; i < nodes.length; i++) {
                String name = fields.get(i).name();
                nodes[i] = node(fields.get(i).schema(), path.isEmpty() ? name : path + "." + name);
            }
        }

        @Override
        boolean accepts(Object value) {
            return value instanceof Struct;
        }

        @Override
        Object convert(Object value) {
            if (!(value instanceof Struct struct)) {
                throw mismatch(value);
            }
            int[] positions = positions(struct);
            GenericData.Record record = new GenericData.Record(schema);
            for (int i = 0; i < nodes.length; i++) {
                record.put(i, positions[i] < 0 ? defaultOf(i, struct)
                        : nodes[i].convert(struct.get(positions[i])));
            }
            return record;
        }

        private Object defaultOf(int i, Struct struct) {
            Schema.Field field = fields.get(i);
            if (!field.hasDefaultValue()) {
                throw new FieldValueException(nodes[i].path, "is missing from the struct, which has fields "
                        + struct.fieldNames() + ", and has no default in the Avro schema");
            }
            return GenericData.get().getDefaultValue(field);
        }

        private int[] positions(Struct struct) {
            List<String> names = struct.fieldNames();
            if (names != lastNames) {
                int[] positions = new int[nodes.length];
                for (int i = 0; i < nodes.length; i++) {
                    positions[i] = names.indexOf(fields.get(i).name());
                }
                lastNames = names;
                lastPositions = positions;
            }
            return lastPositions;
        }

        @Override
        String javaType() {
            return "Struct";
        }
    }

    private static final class UnionNode extends Node {
        private final Node[] branches;
        private final boolean nullable;

        UnionNode(Schema schema, String path) {
            super(schema, path);
            this.branches = schema.getTypes().stream().map(s -> node(s, path)).toArray(Node[]::new);
            this.nullable = schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
        }

        @Override
        boolean accepts(Object value) {
            return Arrays.stream(branches).anyMatch(b -> b.accepts(value));
        }

        @Override
        Object convert(Object value) {
            if (value == null) {
                if (!nullable) {
                    throw mismatch(null);
                }
                return null;
            }
            for (Node branch : branches) {
                if (branch.schema.getType() != Schema.Type.NULL && branch.accepts(value)) {
                    return branch.convert(value);
                }
            }
            throw mismatch(value);
        }

        @Override
        String javaType() {
            List<String> types = new ArrayList<>();
            for (Node branch : branches) {
                types.add(branch.javaType());
            }
            return "one of " + types;
        }
    }

    static String describeSchema(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            List<String> types = new ArrayList<>();
            schema.getTypes().forEach(s -> types.add(describeSchema(s)));
            return String.join("|", types);
        }
        String type = schema.getType().getName();
        if (schema.getLogicalType() != null) {
            type = type + "/" + schema.getLogicalType().getName();
        }
        return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED ? type + " " + schema.getFullName() : type;
    }
}
