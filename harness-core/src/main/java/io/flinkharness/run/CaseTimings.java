package io.flinkharness.run;

import java.time.Duration;

/**
 * Where the time of one case went. Kafka preparation runs while the DDL runs, so {@code produce} and
 * {@code ddl} overlap; the other phases follow one another.
 *
 * @param produce creating the case's topics and writing the input records
 * @param ddl opening the gateway session and running the DDL (including any wait for {@code produce})
 * @param submit planning the DML and submitting its jobs
 * @param job from submission until every job finished
 * @param read reading the output topics read_committed and comparing
 */
public record CaseTimings(Duration produce, Duration ddl, Duration submit, Duration job, Duration read) {
    public static final CaseTimings NONE = new CaseTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    @Override
    public String toString() {
        return String.format("produce %d ms (during ddl %d ms), submit %d ms, job %d ms, read %d ms",
                produce.toMillis(), ddl.toMillis(), submit.toMillis(), job.toMillis(), read.toMillis());
    }
}
