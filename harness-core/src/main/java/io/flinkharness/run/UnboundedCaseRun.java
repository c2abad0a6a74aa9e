package io.flinkharness.run;

import io.flinkharness.gateway.SqlScript;
import io.flinkharness.results.ResultTable;
import io.flinkharness.rows.RowsMismatchError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of an unbounded case, on a {@link TestSession}: topics, DDL, the job started and awaited RUNNING, the
 * steps in order, then the expectations checked against the committed output; closing the session cancels the job.
 * A wait that times out or an expectation that does not hold makes the case FAILED, with the diagnosis of the
 * running job; anything else that goes wrong makes it ERROR.
 */
final class UnboundedCaseRun {
    private final CaseRunner runner;
    private final SqlCase sqlCase;
    private final long start = System.nanoTime();
    private final Map<String, Duration> laps = new LinkedHashMap<>();
    private long lapStart = start;
    private String doing = "preparing topics and running the ddl";
    private Map<String, ResultTable> tables = Map.of();
    private StepRunner steps;

    UnboundedCaseRun(CaseRunner runner, SqlCase sqlCase) {
        this.runner = runner;
        this.sqlCase = sqlCase;
    }

    CaseResult run() {
        Duration limit = sqlCase.run().waitLimit().orElse(sqlCase.timeout());
        try (TestSession session = runner.openSession(sqlCase.name(), limit)) {
            CaseResult result = outcome(session);
            if (!result.passed()) {
                session.keepTopics();
            }
            return result;
        }
    }

    private CaseResult outcome(TestSession session) {
        try {
            execute(session);
            return result(session, CaseResult.Status.PASSED, "", null);
        } catch (RowsMismatchError e) {
            return result(session, CaseResult.Status.FAILED, e.getMessage(), e);
        } catch (AssertionError e) {
            return result(session, CaseResult.Status.FAILED, doing + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return result(session, CaseResult.Status.ERROR, "while " + doing + ": " + CaseRunner.explainError(e), e);
        }
    }

    private void execute(TestSession session) {
        session.createTopics(sqlCase.topics());
        lap("produce");
        session.executeStatements(SqlScript.split(sqlCase.ddl(), sqlCase.ddlSource(), sqlCase.ddlLine()));
        lap("ddl");
        doing = "submitting the dml";
        SqlJob job = session.start(SqlScript.split(sqlCase.dml(), sqlCase.dmlSource(), sqlCase.dmlLine()));
        doing = "waiting for job " + job.id() + " to run";
        job.awaitRunning();
        lap("submit");
        CommittedExpectations expectations = new CommittedExpectations(session, sqlCase);
        steps = new StepRunner(session, sqlCase, job, expectations);
        List<CaseStep> all = sqlCase.steps();
        for (int i = 0; i < all.size(); i++) {
            doing = "step " + (i + 1) + " of " + all.size() + " (" + all.get(i).describe() + ")";
            steps.perform(all.get(i));
        }
        lap("job");
        doing = "checking the expectations on the committed output";
        check(session, expectations);
        lap("read");
    }

    /** The expectations and validation queries against the output committed now; a mismatch adds the diagnosis. */
    private void check(TestSession session, CommittedExpectations expectations) {
        OutputCheck outputs = expectations.check();
        tables = outputs.tables();
        List<String> mismatches = new ArrayList<>(outputs.mismatches());
        mismatches.addAll(expectations.validate(outputs, new ValidationQueries(runner.environment())));
        if (!mismatches.isEmpty()) {
            throw new RowsMismatchError(String.join("\n\n", mismatches) + "\n\nafter the steps, with the job still"
                    + " running:\n" + session.diagnose().render());
        }
    }

    private void lap(String name) {
        long now = System.nanoTime();
        laps.put(name, Duration.ofNanos(now - lapStart));
        lapStart = now;
    }

    private CaseResult result(TestSession session, CaseResult.Status status, String message, Throwable failure) {
        CaseTimings timings = new CaseTimings(lapOf("produce"), lapOf("ddl"), lapOf("submit"), lapOf("job"),
                lapOf("read"));
        Map<String, String> topics = new LinkedHashMap<>();
        session.topics().forEach(t -> topics.put(t.logicalName(), t.name()));
        List<String> jobIds = session.jobs().stream().map(SqlJob::id).toList();
        List<AwaitedOutput> awaited = steps == null ? List.of() : steps.awaited();
        String replay = status == CaseResult.Status.PASSED || sqlCase.seeds().isEmpty() ? ""
                : System.lineSeparator() + "generated input: " + sqlCase.seeds().entrySet().stream()
                        .map(e -> "topic '" + e.getKey() + "' seed " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", "))
                        + " (the same seed generates the same records)";
        return new CaseResult(sqlCase.name(), status, message + replay, Duration.ofNanos(System.nanoTime() - start),
                timings, topics, jobIds, Optional.ofNullable(failure), tables, awaited);
    }

    private Duration lapOf(String name) {
        return laps.getOrDefault(name, Duration.ZERO);
    }
}
