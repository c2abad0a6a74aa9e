package io.flinkharness.data.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.table.types.logical.LogicalType;

/** Conversions between event time (epoch millis) and the Java values of timestamp-like fields. */
public final class Times {
    private Times() {
    }

    public static LocalDateTime toLocal(Instant t) {
        return LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
    }

    /** Whether a field of this type can hold the event time. */
    public static boolean canHoldEventTime(LogicalType type) {
        switch (type.getTypeRoot()) {
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case BIGINT:
                return true;
            default:
                return false;
        }
    }

    /** The value of an event-time field of {@code type} for {@code millis}. */
    public static Object fieldValue(LogicalType type, long millis) {
        switch (type.getTypeRoot()) {
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                        (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return Instant.ofEpochMilli(millis);
            case BIGINT:
                return millis;
            default:
                throw new IllegalArgumentException("not an event-time type: " + type);
        }
    }

    /** The event time in millis of an event-time field's value. */
    public static long millisOf(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        return Literals.timestamp(value).toEpochMilli();
    }
}
