package io.flinkharness.data.internal;

import io.flinkharness.data.Struct;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BinaryType;
import org.apache.flink.table.types.logical.CharType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Sensible random values for a field type when no rule says otherwise: small non-negative numbers, short lowercase
 * strings, dates after the time model's start, timestamps shortly before the record's event time, up to three
 * elements in arrays and maps. Avro enums take one of their symbols; Avro uuid strings are random UUIDs.
 */
final class Randoms {
    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private Randoms() {
    }

    /** A source of random values of {@code type}, or a problem message when the type is not supported. */
    static ValueSource of(LogicalType type, Optional<Schema> avro, SplitMix rng, long startMillis, String path) {
        Optional<Schema> plain = avro.map(Randoms::unwrapNullable);
        if (plain.isPresent() && plain.get().getType() == Schema.Type.ENUM) {
            List<String> symbols = plain.get().getEnumSymbols();
            return (i, t) -> symbols.get(rng.belowInt(symbols.size()));
        }
        if (plain.isPresent() && isUuid(plain.get())) {
            return (i, t) -> uuid(rng);
        }
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return (i, t) -> (rng.nextLong() & 1) == 0;
            case TINYINT:
                return (i, t) -> (byte) rng.below(100);
            case SMALLINT:
                return (i, t) -> (short) rng.below(1000);
            case INTEGER:
                return (i, t) -> (int) rng.below(10_000);
            case BIGINT:
                return (i, t) -> rng.below(1_000_000);
            case FLOAT:
                return (i, t) -> rng.below(100_000) / 100f;
            case DOUBLE:
                return (i, t) -> rng.below(100_000) / 100d;
            case DECIMAL:
                return decimal((DecimalType) type, rng);
            case CHAR:
                int n = ((CharType) type).getLength();
                return (i, t) -> chars(rng, ALNUM, n);
            case VARCHAR:
                int max = ((VarCharType) type).getLength();
                int lo = Math.min(max, 5);
                int hi = Math.min(max, 12);
                return (i, t) -> chars(rng, LETTERS, (int) rng.between(lo, hi));
            case BINARY:
                int size = ((BinaryType) type).getLength();
                return (i, t) -> bytes(rng, size);
            case VARBINARY:
                int vsize = Math.min(8, ((VarBinaryType) type).getLength());
                return (i, t) -> bytes(rng, vsize);
            case DATE:
                LocalDate start = Instant.ofEpochMilli(startMillis).atZone(ZoneOffset.UTC).toLocalDate();
                return (i, t) -> start.plusDays(rng.below(365));
            case TIME_WITHOUT_TIME_ZONE:
                return (i, t) -> LocalTime.ofSecondOfDay(rng.below(86_400));
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return (i, t) -> Times.fieldValue(type, t - rng.below(3_600_000));
            case ARRAY:
                return array((ArrayType) type, avro, rng, startMillis, path);
            case MAP:
                return map((MapType) type, avro, rng, startMillis, path);
            case ROW:
                return row((RowType) type, avro, rng, startMillis, path);
            default:
                throw new Literals.LiteralException("the generator does not support type " + type.asSummaryString()
                        + ": leave the field out of the schema or give it a constant rule");
        }
    }

    private static ValueSource decimal(DecimalType type, SplitMix rng) {
        int integerDigits = Math.min(type.getPrecision() - type.getScale(), 5);
        long bound = BigInteger.TEN.pow(Math.min(integerDigits + type.getScale(), 18)).longValueExact();
        int scale = type.getScale();
        return (i, t) -> BigDecimal.valueOf(rng.below(bound), scale);
    }

    private static ValueSource array(ArrayType type, Optional<Schema> avro, SplitMix rng, long start, String path) {
        ValueSource element = of(type.getElementType(), avro.map(Randoms::unwrapNullable).map(Schema::getElementType),
                rng, start, path + "[]");
        return (i, t) -> {
            int n = rng.belowInt(4);
            List<Object> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                out.add(element.next(i, t));
            }
            return out;
        };
    }

    private static ValueSource map(MapType type, Optional<Schema> avro, SplitMix rng, long start, String path) {
        ValueSource key = of(type.getKeyType(), Optional.empty(), rng, start, path + "{key}");
        ValueSource value = of(type.getValueType(), avro.map(Randoms::unwrapNullable).map(Schema::getValueType), rng,
                start, path + "{value}");
        return (i, t) -> {
            int n = rng.belowInt(4);
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                out.put(key.next(i, t), value.next(i, t));
            }
            return out;
        };
    }

    private static ValueSource row(RowType type, Optional<Schema> avro, SplitMix rng, long start, String path) {
        List<ValueSource> fields = new ArrayList<>();
        for (RowType.RowField f : type.getFields()) {
            fields.add(of(f.getType(), avroField(avro, f.getName()), rng, start, path + "." + f.getName()));
        }
        return struct(type, fields);
    }

    /** A source of structs of {@code type} whose fields come from {@code fields}, in order. */
    static ValueSource struct(RowType type, List<ValueSource> fields) {
        Struct.Factory factory = Struct.factory(type.getFieldNames());
        ValueSource[] sources = fields.toArray(ValueSource[]::new);
        return (i, t) -> {
            Object[] values = new Object[sources.length];
            for (int k = 0; k < values.length; k++) {
                values[k] = sources[k].next(i, t);
            }
            return factory.create(values);
        };
    }

    static boolean isUuid(Schema s) {
        return s.getType() == Schema.Type.STRING && ("uuid".equals(s.getProp("logicalType"))
                || s.getLogicalType() != null && "uuid".equals(s.getLogicalType().getName()));
    }

    static Optional<Schema> avroField(Optional<Schema> record, String name) {
        return record.map(Randoms::unwrapNullable)
                .filter(s -> s.getType() == Schema.Type.RECORD)
                .map(s -> s.getField(name))
                .map(Schema.Field::schema);
    }

    static Schema unwrapNullable(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            for (Schema branch : s.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    return branch;
                }
            }
        }
        return s;
    }

    static String chars(SplitMix rng, char[] alphabet, int n) {
        char[] out = new char[n];
        for (int k = 0; k < n; k++) {
            out[k] = alphabet[rng.belowInt(alphabet.length)];
        }
        return new String(out);
    }

    private static byte[] bytes(SplitMix rng, int n) {
        byte[] out = new byte[n];
        for (int k = 0; k < n; k++) {
            out[k] = (byte) rng.nextLong();
        }
        return out;
    }

    private static String uuid(SplitMix rng) {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }
}
