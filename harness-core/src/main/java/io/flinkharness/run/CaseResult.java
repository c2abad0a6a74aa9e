package io.flinkharness.run;

import io.flinkharness.results.ResultTable;
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
 * @param tables logical topic to the typed rows read from it, for each expected or output topic that was read
 * @param awaited for an unbounded case, each wait that saw its output, in order, with its latency; empty for a
 *     bounded case
 */
public record CaseResult(String name, Status status, String message, Duration elapsed, CaseTimings timings,
                         Map<String, String> topics, List<String> jobIds, Optional<Throwable> failure,
                         Map<String, ResultTable> tables, List<AwaitedOutput> awaited) {

    public enum Status { PASSED, FAILED, ERROR }

    public CaseResult {
        topics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topics));
        jobIds = List.copyOf(jobIds);
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
        awaited = List.copyOf(awaited);
    }

    /** A result of a bounded case. */
    public CaseResult(String name, Status status, String message, Duration elapsed, CaseTimings timings,
                      Map<String, String> topics, List<String> jobIds, Optional<Throwable> failure,
                      Map<String, ResultTable> tables) {
        this(name, status, message, elapsed, timings, topics, jobIds, failure, tables, List.of());
    }

    /** A result without tables. */
    public CaseResult(String name, Status status, String message, Duration elapsed, CaseTimings timings,
                      Map<String, String> topics, List<String> jobIds, Optional<Throwable> failure) {
        this(name, status, message, elapsed, timings, topics, jobIds, failure, Map.of());
    }

    /**
     * The rows read from an expected or output topic ({@link SqlCase.Builder#output}), typed by its sink table:
     *
     * <pre>{@code
     * CaseResult result = runner.run(sqlCase).assertPassed();
     * ResultAssertions.assertThat(result.table("counts")).allAlignedTo(Duration.ofSeconds(10));
     * }</pre>
     *
     * @throws IllegalArgumentException if the topic was not read (not expected or output, the case stopped
     *     before reading it, or its sink table was not a CREATE TABLE the harness could read)
     */
    public ResultTable table(String topic) {
        ResultTable table = tables.get(topic);
        if (table == null) {
            throw new IllegalArgumentException("case '" + name + "' has no table of topic '" + topic + "'"
                    + (tables.isEmpty() ? "" : "; tables read: " + tables.keySet()) + " — declare it with"
                    + " SqlCase.Builder.output(\"" + topic + "\") or expect rows on it"
                    + (status == Status.ERROR ? " (the case stopped with an error before reading all outputs)" : ""));
        }
        return table;
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
