package io.flinkharness.oracle.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Values as grouping keys: equal when Flink groups them together. Not part of the public API. */
public final class Values {
    private Values() {
    }

    /** A value that equals another exactly when both are the same SQL value (bytes by content, 1.50 = 1.5). */
    public static Object groupingKey(Object value) {
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes.clone());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        return value;
    }

    /** The grouping keys of several values, as one key. */
    public static List<Object> groupingKey(List<?> values) {
        List<Object> key = new ArrayList<>(values.size());
        values.forEach(v -> key.add(groupingKey(v)));
        return key;
    }
}
