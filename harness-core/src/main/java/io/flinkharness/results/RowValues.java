package io.flinkharness.results;

import io.flinkharness.data.Struct;
import io.flinkharness.results.internal.TypedValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Typed values as the untyped values of a {@link io.flinkharness.rows.Row} (what Flink's json format writes). */
final class RowValues {
    private RowValues() {
    }

    static Object untyped(Object value) {
        if (value instanceof LocalDateTime || value instanceof Instant || value instanceof LocalTime
                || value instanceof byte[]) {
            return TypedValues.show(value);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Struct struct) {
            return untyped(struct.asMap());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RowValues::untyped).collect(Collectors.toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(untyped(k)), untyped(v)));
            return out;
        }
        return value;
    }
}
