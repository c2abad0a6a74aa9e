package io.flinkharness.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.run.CaseStep;
import io.flinkharness.run.RunMode;
import io.flinkharness.run.RunPlan;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run:} section of a case file: unbounded mode, its steps, and every problem with them. */
class UnboundedCaseFilesTest {
    static final Path CASE = Path.of("src/test/resources/cases/unbounded-clicks.yaml");
    private static final Instant FIRST_END = Instant.parse("2026-01-01T00:00:10Z");

    @TempDir
    Path dir;

    @Test
    void loadsTheModeTheWaitLimitAndTheSteps() {
        SqlCase c = CaseFiles.load(CASE);

        assertThat(c.run().mode()).isEqualTo(RunMode.UNBOUNDED);
        assertThat(c.run().waitLimit()).contains(Duration.ofSeconds(30));
        assertThat(c.steps()).containsExactly(
                new CaseStep.Send("clicks", OptionalInt.of(3)),
                new CaseStep.Fire("clicks", FIRST_END, Map.of("user", "heartbeat")),
                CaseStep.AwaitTable.windowFired("counts", FIRST_END).withinCheckpoints(20),
                new CaseStep.Send("clicks"),
                new CaseStep.Fire("clicks", Instant.parse("2026-01-01T00:00:20Z"), Map.of("user", "heartbeat")),
                CaseStep.AwaitExpectations.withRunLimit());
        assertThat(c.steps().get(2).describe())
                .isEqualTo("await: { table: counts, windowEnd: 2026-01-01T00:00:10Z, withinCheckpoints: 20 }");
    }

    @Test
    void everyStepKind() throws IOException {
        SqlCase c = CaseFiles.load(withSteps("""
                    - send: clicks
                    - advance: { table: clicks, to: '2026-01-01T00:01:05Z', partitions: [0, 1], values: { user: hb } }
                    - await: { table: counts, rowCount: 3, timeout: 10s }
                    - await: { table: COUNTS, atLeastRows: 2 }
                    - await: { table: counts, windowEnd: '2026-01-01T00:00:10Z', endColumn: window_start }
                """));

        assertThat(c.steps()).containsExactly(new CaseStep.Send("clicks"),
                new CaseStep.Advance("clicks", Instant.parse("2026-01-01T00:01:05Z"), List.of(0, 1),
                        Map.of("user", "hb")),
                CaseStep.AwaitTable.rowCount("counts", 3).atMost(Duration.ofSeconds(10)),
                CaseStep.AwaitTable.atLeastRows("counts", 2),
                new CaseStep.AwaitTable("counts", new CaseStep.WindowFired("window_start", FIRST_END),
                        OptionalInt.empty(), Optional.empty()));
    }

    @Test
    void withoutStepsTheInputIsSentThenTheExpectationsAwaited() throws IOException {
        SqlCase c = CaseFiles.load(write(text().replaceFirst("(?s)  timeout: 30s\n  steps:.*?\nexpect:",
                "\nexpect:")));

        assertThat(c.run()).isEqualTo(RunPlan.unbounded(List.of()));
        assertThat(c.steps()).containsExactly(new CaseStep.Send("clicks"), CaseStep.AwaitExpectations.withRunLimit());
    }

    @Test
    void withoutRunACaseIsBounded() {
        assertThat(CaseFiles.load(Path.of("../samples/cases/tumble-window.yaml")).run()).isEqualTo(RunPlan.BOUNDED);
    }

    @Test
    void unknownStepKind() throws IOException {
        assertProblem(withSteps("    - sned: clicks\n"), ":51:7: run.steps[0].sned: unknown step 'sned' — did you mean"
                + " 'send'? (steps: send, advance, fire, await)");
    }

    @Test
    void twoKindsInOneStep() throws IOException {
        assertProblem(withSteps("    - { send: clicks, await: expectations }\n"), ":51:7: run.steps[0]: a step does"
                + " one thing, this one has send and await — write one step per list entry: '- send: ...' and"
                + " '- await: ...'");
    }

    @Test
    void sendOfATopicWithoutInput() throws IOException {
        assertProblem(withSteps("    - send: clicks\n    - send: counts\n"), ":52:13: run.steps[1].send: topic"
                + " 'counts' has no declared input to send — declare its records under input.counts (or"
                + " generate.counts); topics with input: clicks");
    }

    @Test
    void sendOfAnUndeclaredTopic() throws IOException {
        assertProblem(withSteps("    - send: click\n"), ":51:13: run.steps[0].send: topic 'click' is not declared"
                + " under topics — did you mean 'clicks'? (topics with input: clicks)");
    }

    @Test
    void inputNeverSent() throws IOException {
        assertProblem(withSteps("    - await: expectations\n"), ":50:3: run.steps: the input of topic 'clicks' is"
                + " never sent — add a step '- send: clicks' where it should be sent, or remove the input");
    }

    @Test
    void moreRecordsSentThanDeclared() throws IOException {
        assertProblem(withSteps("    - send: { topic: clicks, records: 4 }\n    - send: { topic: clicks, records: 2 }\n"),
                ":50:3: run.steps: case 'unbounded clicks per window': the steps: step 'send: { topic: clicks, records: 2 }' sends 2 records"
                        + " of topic 'clicks', but only 1 of its input is left after the steps before it");
    }

    @Test
    void tableNotCreatedByTheDdl() throws IOException {
        assertProblem(withSteps("    - send: clicks\n    - fire: { table: click, windowEnd: '2026-01-01T00:00:10Z' }\n"),
                ":52:22: run.steps[1].fire.table: no CREATE TABLE click in the case's ddl — did you mean 'clicks'?"
                        + " (tables of the ddl: clicks, counts)");
    }

    @Test
    void instantNotIso() throws IOException {
        assertProblem(withSteps("    - send: clicks\n    - fire: { table: clicks, windowEnd: '2026-01-01 00:00:10' }\n"),
                ":52:41: run.steps[1].fire.windowEnd: '2026-01-01 00:00:10' is not an ISO-8601 instant — write e.g."
                        + " '2026-01-01T00:01:00Z' (UTC, with T and Z)");
    }

    @Test
    void durationNotADuration() throws IOException {
        assertProblem(withSteps("    - send: clicks\n    - await: { table: counts, rowCount: 1, timeout: soon }\n"),
                ":52:53: run.steps[1].await.timeout: 'soon' is not a duration — write a positive number with a unit:"
                        + " 500ms, 60s, 2m");
        assertProblem(write(text().replace("  timeout: 30s", "  timeout: 0s")), ":49:12: run.timeout: must be"
                + " positive, got '0s' — write a positive number with a unit: 500ms, 60s, 2m");
    }

    @Test
    void awaitWithoutACondition() throws IOException {
        assertProblem(withSteps("    - send: clicks\n    - await: { table: counts }\n"), ":52:14: run.steps[1].await:"
                + " no condition to await — give one of rowCount, atLeastRows, windowEnd");
    }

    @Test
    void awaitWithSeveralConditions() throws IOException {
        assertProblem(withSteps("    - send: clicks\n    - await: { table: counts, rowCount: 3, atLeastRows: 2 }\n"),
                ":52:14: run.steps[1].await: several conditions (rowCount, atLeastRows) — give one of rowCount,"
                        + " atLeastRows, windowEnd; await them in separate steps");
    }

    @Test
    void awaitOfSomethingElse() throws IOException {
        assertProblem(withSteps("    - send: clicks\n    - await: expectation\n"), ":52:14: run.steps[1].await:"
                + " unknown await 'expectation' — write await: expectations, or await: { table: ..., rowCount: N |"
                + " atLeastRows: N | windowEnd: '...' }");
        assertProblem(withSteps("    - send: clicks\n    - await: { table: counts, rows: 3 }\n"), ":52:31:"
                + " run.steps[1].await.rows: unknown field 'rows' — known fields: table, rowCount, atLeastRows,"
                + " windowEnd, endColumn, withinCheckpoints, timeout");
    }

    @Test
    void unknownMode() throws IOException {
        assertProblem(write(text().replace("mode: unbounded", "mode: unbonded")), ":48:9: run.mode: unknown mode"
                + " 'unbonded' — did you mean 'unbounded'? (modes: bounded, unbounded); bounded: the input is sent"
                + " first and the job runs to its end, unbounded: the job keeps running while the steps send input,"
                + " move event time and await output");
    }

    @Test
    void unboundedWithABoundedSource() throws IOException {
        assertProblem(write(text().replace("'scan.startup.mode' = 'earliest-offset',",
                "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',")), ":48:9: run.mode:"
                + " unbounded, but table clicks (statement 1 (line 16) of " + dir.resolve("case.yaml") + " ddl) has"
                + " 'scan.bounded.mode' = 'latest-offset', so its source would stop at the offsets present at start"
                + " and the job would finish — remove 'scan.bounded.mode' from the table for an unbounded run, or"
                + " run the case bounded");
    }

    @Test
    void stepsInABoundedCase() throws IOException {
        assertProblem(write(text().replace("mode: unbounded", "mode: bounded").replace("  timeout: 30s\n", "")),
                ":49:3: run.steps: steps in a bounded case — steps are for an unbounded run: add mode: unbounded"
                        + " under run:, or remove the steps (a bounded case sends all its input first)");
    }

    private void assertProblem(Path file, String expected) {
        assertThatThrownBy(() -> CaseFiles.load(file)).isInstanceOf(CaseFileException.class)
                .hasMessage(file + expected);
    }

    private static String text() throws IOException {
        return Files.readString(CASE);
    }

    private Path withSteps(String steps) throws IOException {
        String text = text();
        return write(text.substring(0, text.indexOf("  steps:\n") + "  steps:\n".length()) + steps
                + text.substring(text.indexOf("expect:\n")));
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("case.yaml"), text);
    }
}
