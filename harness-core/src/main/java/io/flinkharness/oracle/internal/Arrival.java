package io.flinkharness.oracle.internal;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.WatermarkBounds;
import java.time.Instant;

/**
 * Whether the watermark has reached a moment when a record arrives, from the range its label gives: surely not,
 * surely, or depending on timing. Not part of the public API.
 */
public enum Arrival {
    /** The watermark is surely below the moment. */
    BEFORE,
    /** The watermark is surely at or past the moment. */
    AT_OR_PAST,
    /** Either, depending on how the partitions interleave or when periodic watermarks are emitted. */
    EITHER;

    public static Arrival of(WatermarkBounds watermark, Instant moment) {
        if (watermark.surelyAtOrPast(moment)) {
            return AT_OR_PAST;
        }
        return watermark.possiblyAtOrPast(moment) ? EITHER : BEFORE;
    }

    /** What makes the watermark uncertain for records of this input, for messages. */
    public static String cause(GeneratedData data) {
        return data.partitions() > 1
                ? "how Flink interleaves the " + data.partitions() + " partitions (a partition not read yet holds the"
                        + " watermark back, one read to its end no longer does)"
                : "when the periodic watermark is emitted (declare 'scan.watermark.emit.strategy' = 'on-event')";
    }
}
