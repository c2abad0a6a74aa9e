package io.flinkharness.data;

/** Whether a generated record reaches Flink before or after the declared watermark passed its event time. */
public enum Lateness {
    /** Its event time is above every watermark the source can have emitted when it arrives. */
    ON_TIME,
    /** Its event time is at or below the watermark whatever the timing: Flink treats it as late. */
    LATE,
    /**
     * Late or not depending on how the source interleaves partitions: the record is behind the watermark only if
     * the other partitions were read far enough before it (an empty partition holds the watermark back until its
     * split finishes or goes idle). Only a one-partition topic is read in produce order.
     */
    DEPENDS_ON_INTERLEAVING,
    /** Behind the watermark only if a periodic watermark was emitted in time (declare on-event emission). */
    DEPENDS_ON_EMISSION_TIMING,
    /** No watermark was declared, so lateness is not defined. */
    UNKNOWN
}
