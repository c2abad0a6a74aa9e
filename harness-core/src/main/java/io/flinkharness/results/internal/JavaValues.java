package io.flinkharness.results.internal;

import io.flinkharness.data.Struct;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Turns Flink's internal {@link RowData} back into the Java values the encoders take (the mirror of
 * {@code io.flinkharness.data.internal.RowDataConverter}): CHAR/VARCHAR {@code String}, BOOLEAN {@code Boolean},
 * TINYINT {@code Byte}, SMALLINT {@code Short}, INT {@code Integer}, BIGINT {@code Long}, FLOAT {@code Float},
 * DOUBLE {@code Double}, DECIMAL {@code BigDecimal}, BINARY/VARBINARY {@code byte[]}, DATE {@code LocalDate},
 * TIME {@code LocalTime}, TIMESTAMP {@code LocalDateTime}, TIMESTAMP_LTZ {@code Instant}, ARRAY {@code List},
 * MAP {@code Map}, MULTISET {@code Map} of counts, ROW {@link Struct}. Not part of the public API.
 */
public final class JavaValues {
    private JavaValues() {
    }

    /** The fields of {@code row}, read as {@code type}, in field order. */
    public static Object[] fields(RowData row, RowType type) {
        Object[] values = new Object[type.getFieldCount()];
        for (int i = 0; i < values.length; i++) {
            LogicalType field = type.getTypeAt(i);
            values[i] = toJava(RowData.createFieldGetter(field, i).getFieldOrNull(row), field);
        }
        return values;
    }

    /** One internal value of {@code type} as its Java value; null stays null. */
    public static Object toJava(Object internal, LogicalType type) {
        if (internal == null) {
            return null;
        }
        return switch (type.getTypeRoot()) {
            case CHAR, VARCHAR -> ((StringData) internal).toString();
            case DECIMAL -> ((DecimalData) internal).toBigDecimal();
            case DATE -> LocalDate.ofEpochDay((Integer) internal);
            case TIME_WITHOUT_TIME_ZONE -> LocalTime.ofNanoOfDay((Integer) internal * 1_000_000L);
            case TIMESTAMP_WITHOUT_TIME_ZONE -> ((TimestampData) internal).toLocalDateTime();
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> ((TimestampData) internal).toInstant();
            case ARRAY -> list((ArrayData) internal, ((ArrayType) type).getElementType());
            case MAP -> map((MapData) internal, ((MapType) type).getKeyType(), ((MapType) type).getValueType());
            case MULTISET -> map((MapData) internal, ((MultisetType) type).getElementType(),
                    new org.apache.flink.table.types.logical.IntType());
            case ROW -> Struct.of(((RowType) type).getFieldNames(),
                    java.util.Arrays.asList(fields((RowData) internal, (RowType) type)));
            default -> internal;
        };
    }

    private static List<Object> list(ArrayData array, LogicalType element) {
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(element);
        List<Object> list = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            list.add(toJava(getter.getElementOrNull(array, i), element));
        }
        return Collections.unmodifiableList(list);
    }

    private static Map<Object, Object> map(MapData map, LogicalType keyType, LogicalType valueType) {
        ArrayData.ElementGetter keys = ArrayData.createElementGetter(keyType);
        ArrayData.ElementGetter values = ArrayData.createElementGetter(valueType);
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < map.size(); i++) {
            out.put(toJava(keys.getElementOrNull(map.keyArray(), i), keyType),
                    toJava(values.getElementOrNull(map.valueArray(), i), valueType));
        }
        return Collections.unmodifiableMap(out);
    }
}
