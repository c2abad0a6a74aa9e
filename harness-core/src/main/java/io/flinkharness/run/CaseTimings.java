package io.flinkharness.run;

import java.time.Duration;

/**
 * Where the time of one case went.
 *
 * @param setup creating the case's topics
 * @param produce writing the input records
 * @param submit running the DDL and submitting the DML
 * @param job from submission until every job finished
 * @param read reading the output topics read_committed and comparing
 */
public record CaseTimings(Duration setup, Duration produce, Duration submit, Duration job, Duration read) {
    public static final CaseTimings NONE = new CaseTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    public Duration total() {
        return setup.plus(produce).plus(submit).plus(job).plus(read);
    }

    @Override
    public String toString() {
        return String.format("setup %d ms, produce %d ms, submit %d ms, job %d ms, read %d ms",
                setup.toMillis(), produce.toMillis(), submit.toMillis(), job.toMillis(), read.toMillis());
    }
}
