package io.flinkharness.flink;

/** A Flink job ended in FAILED or CANCELED; the message carries the job's own root exception. */
public class JobFailedException extends RuntimeException {
    private final String jobId;
    private final JobStatus status;

    public JobFailedException(String jobId, JobStatus status, String cause) {
        super("job " + jobId + " " + status + ": " + cause);
        this.jobId = jobId;
        this.status = status;
    }

    public String jobId() {
        return jobId;
    }

    public JobStatus status() {
        return status;
    }
}
