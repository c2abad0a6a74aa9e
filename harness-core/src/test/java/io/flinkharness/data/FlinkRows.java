package io.flinkharness.data;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/** Test helper: Flink's internal rows back to the Java values of a {@link Struct}, to compare what Flink read. */
final class FlinkRows {
    private FlinkRows() {
    }

    static Struct toStruct(RowData row, RowType type) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            values.add(toJava(RowData.createFieldGetter(type.getTypeAt(i), i).getFieldOrNull(row), type.getTypeAt(i)));
        }
        return Struct.of(type.getFieldNames(), values);
    }

    static Object toJava(Object internal, LogicalType type) {
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
            case ARRAY -> {
                LogicalType element = ((ArrayType) type).getElementType();
                ArrayData array = (ArrayData) internal;
                ArrayData.ElementGetter getter = ArrayData.createElementGetter(element);
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < array.size(); i++) {
                    list.add(toJava(getter.getElementOrNull(array, i), element));
                }
                yield list;
            }
            case MAP -> {
                MapType mapType = (MapType) type;
                MapData map = (MapData) internal;
                ArrayData.ElementGetter keys = ArrayData.createElementGetter(mapType.getKeyType());
                ArrayData.ElementGetter values = ArrayData.createElementGetter(mapType.getValueType());
                Map<Object, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < map.size(); i++) {
                    out.put(toJava(keys.getElementOrNull(map.keyArray(), i), mapType.getKeyType()),
                            toJava(values.getElementOrNull(map.valueArray(), i), mapType.getValueType()));
                }
                yield out;
            }
            case ROW -> toStruct((RowData) internal, (RowType) type);
            default -> internal;
        };
    }

    /** What a deserializer's open() needs outside a job. */
    static DeserializationSchema.InitializationContext context() {
        return new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return SimpleUserCodeClassLoader.create(FlinkRows.class.getClassLoader());
            }
        };
    }
}
