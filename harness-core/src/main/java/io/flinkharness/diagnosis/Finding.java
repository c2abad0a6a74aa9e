package io.flinkharness.diagnosis;

import java.util.Objects;

/**
 * One named reason why a job's output is missing or not what was expected, with the fix.
 *
 * @param kind which known stall pattern this is
 * @param explanation what was seen and why it stops output, in the test's own names (tables, partitions, times)
 * @param fix what to change in the test or the SQL
 */
public record Finding(Kind kind, String explanation, String fix) {

    public Finding {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(explanation, "explanation cannot be null");
        Objects.requireNonNull(fix, "fix cannot be null");
    }

    /** The stall patterns the harness recognises. */
    public enum Kind {
        /** The job failed; its root exception says why. */
        JOB_FAILED,
        /** The job finished or was cancelled, so it produces nothing more (e.g. bounded sources in a wait). */
        JOB_ENDED,
        /** The job has not started all its tasks yet, or is restarting. */
        JOB_NOT_RUNNING,
        /** A source table's topic has no records at all. */
        NO_INPUT,
        /** A partition of a source never received a record and no idle timeout is set: its watermark stays -inf. */
        IDLE_PARTITION,
        /** One partition's newest record is far behind the others': the watermark follows the slowest partition. */
        PARTITION_BEHIND,
        /** The watermark delay is at least the data's span in event time: no window holding a record can close. */
        WATERMARK_DELAY_EXCEEDS_DATA,
        /** The source has not read every input record yet. */
        SOURCE_BEHIND,
        /** Window operators dropped records that arrived after the watermark had passed their window. */
        LATE_RECORDS_DROPPED,
        /** Output sits in an open Kafka transaction and the job checkpoints, but none completed yet. */
        NO_CHECKPOINT_YET,
        /** Output sits in an open Kafka transaction and the job does not checkpoint: it is never committed. */
        CHECKPOINTING_OFF,
        /** Output sits in an open Kafka transaction until the next checkpoint completes. */
        OPEN_TRANSACTION,
        /** The job runs and reads its input, but the watermark has not passed the end of the awaited window. */
        WATERMARK_NOT_PAST_WINDOW
    }

    @Override
    public String toString() {
        return kind + ": " + explanation + " Fix: " + fix;
    }
}
