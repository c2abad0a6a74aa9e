package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.cases.CaseFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unbounded YAML cases run by {@link CaseRunner} on the real embedded environment. */
class UnboundedCaseRunTest {
    private static final Path CASE = Path.of("src/test/resources/cases/unbounded-clicks.yaml");

    private final CaseRunner runner = SharedTestEnvironment.runner();

    @TempDir
    Path dir;

    @Test
    void stepsSendFireAwaitAWindowSendMoreFireAndAwaitTheExpectations() {
        CaseResult result = runner.run(CaseFiles.load(CASE)).assertPassed();

        assertThat(result.awaited()).extracting(AwaitedOutput::table, AwaitedOutput::condition).containsExactly(
                org.assertj.core.groups.Tuple.tuple("counts", "windowEnd: 2026-01-01T00:00:10Z"),
                org.assertj.core.groups.Tuple.tuple("counts", "expectations"));
        assertThat(result.awaited()).allSatisfy(out -> {
            assertThat(out.sinceLastInput()).hasValueSatisfying(d -> assertThat(d).isPositive());
            assertThat(out.checkpoints()).hasValueSatisfying(n -> assertThat(n).isNotNegative());
        });
        assertThat(result.table("counts").size()).isEqualTo(3);
        assertThat(result.jobIds()).hasSize(1);
    }

    @Test
    void withoutStepsEveryInputIsSentThenTheExpectationsAwaited() throws IOException {
        // the heartbeats of a default run are the input's own records: the last one closes the first window
        SqlCase c = CaseFiles.load(write(Files.readString(CASE)
                .replaceFirst("(?s)  steps:.*?\nexpect:", "\nexpect:")
                .replaceFirst("(?s)      - \\{ user: carol.*?\n", "")));

        CaseResult result = runner.run(c).assertPassed();

        assertThat(result.awaited()).singleElement().satisfies(out -> assertThat(out.condition())
                .isEqualTo("expectations"));
    }

    @Test
    void aWindowHeldOpenByAnIdlePartitionFailsWithTheDiagnosis() throws IOException {
        // partition 2 of clicks gets no record, not even a heartbeat
        SqlCase c = CaseFiles.load(write(steps("""
                    - send: clicks
                    - advance: { table: clicks, to: '2026-01-01T00:00:30Z', partitions: [0, 1], values: { user: hb } }
                    - await: { table: counts, windowEnd: '2026-01-01T00:00:10Z', timeout: 3s }
                """).replace("clicks: { partitions: 2 }", "clicks: { partitions: 3 }")));

        CaseResult result = runner.run(c);

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(result.message())
                .startsWith("step 3 of 3 (await: { table: counts, windowEnd: 2026-01-01T00:00:10Z, timeout: 3s }):"
                        + " waited 3000 ms for a row of table counts with window_end = 2026-01-01T00:00:10Z")
                .contains("IDLE_PARTITION: partition 2 of table clicks")
                .contains("fix: set 'scan.watermark.idle-timeout' = '1 s' on table clicks");
        assertThat(result.failure()).containsInstanceOf(OutputStallError.class);
    }

    @Test
    void aWrongExpectationFailsWithTheDiffAndTheDiagnosis() throws IOException {
        SqlCase c = CaseFiles.load(withSteps("""
                    - send: clicks
                    - fire: { table: clicks, windowEnd: '2026-01-01T00:00:20Z', values: { user: heartbeat } }
                    - await: { table: counts, rowCount: 3 }
                """));
        Expectation expectation = c.expectations().get(0);
        java.util.Map<String, Object> carol = new java.util.LinkedHashMap<>(expectation.rows().get(2).values());
        carol.put("clicks", 3);
        SqlCase wrong = c.withExpectation(0, expectation.withRow(2, io.flinkharness.rows.Row.of(carol)));

        CaseResult result = runner.run(wrong);

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(result.message()).startsWith("Expecting table ")
                .contains("after the steps, with the job still running:");
        assertThat(result.awaited()).hasSize(1);
    }

    private Path withSteps(String steps) throws IOException {
        return write(steps(steps));
    }

    /** The sample case with other steps. */
    private static String steps(String steps) throws IOException {
        String text = Files.readString(CASE);
        return text.substring(0, text.indexOf("  steps:\n") + "  steps:\n".length()) + steps
                + text.substring(text.indexOf("expect:\n"));
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("case.yaml"), text);
    }
}
