package io.flinkharness.flink;

import java.util.Locale;

/** The states of a Flink job, as the Flink REST API names them. */
public enum JobStatus {
    INITIALIZING, CREATED, RUNNING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED, RESTARTING, SUSPENDED,
    RECONCILING;

    /** FINISHED, FAILED and CANCELED: the job will not change any more. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }

    public static JobStatus parse(String status) {
        return valueOf(status.toUpperCase(Locale.ROOT));
    }
}
