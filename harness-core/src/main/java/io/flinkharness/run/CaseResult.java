package io.flinkharness.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one case. A case never throws from {@link CaseRunner#run}: what went wrong is here.
 *
 * @param status PASSED, FAILED (the output differs from the expectation) or ERROR (it could not be run to the end)
 * @param message empty when passed; otherwise the diff or the error, naming the case, statement or topic
 * @param topics logical topic names to the physical topics of this run, kept for inspection when it did not pass
 * @param jobIds the Flink jobs the case started
 */
public record CaseResult(String name, Status status, String message, Duration elapsed, CaseTimings timings,
                         Map<String, String> topics, List<String> jobIds, Optional<Throwable> failure) {

    public enum Status { PASSED, FAILED, ERROR }

    public CaseResult {
        topics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topics));
        jobIds = List.copyOf(jobIds);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /**
     * Throws an {@link AssertionError} carrying the message unless the case passed, for use in JUnit tests.
     */
    public CaseResult assertPassed() {
        if (!passed()) {
            AssertionError error = new AssertionError("case '" + name + "' " + status + ": " + message);
            failure.ifPresent(error::initCause);
            throw error;
        }
        return this;
    }
}
