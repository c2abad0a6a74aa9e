package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.flink.FlinkRestClient;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.internal.Poll;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad input against the real embedded environment: each gives one clear message, and nothing keeps running. */
class CaseRunnerErrorsTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final String SOURCE = """
            CREATE TABLE clicks (`user` STRING, amount BIGINT, ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
            ) WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'scan.startup.mode' = 'earliest-offset', %s 'format' = 'json');
            CREATE TABLE copy (`user` STRING, amount BIGINT) WITH ('connector' = 'kafka',
              'topic' = '${topic.copy}', 'properties.bootstrap.servers' = '${bootstrap.servers}',
              'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '${case.id}',
              'format' = 'json')
            """;
    private static final String BOUNDED = SOURCE.formatted("'scan.bounded.mode' = 'latest-offset',");

    private static final EmbeddedEnvironment env = SharedTestEnvironment.get();
    private static final CaseRunner runner = SharedTestEnvironment.runner();

    private static SqlCase.Builder copyCase(String name, String ddl, String dml) {
        return SqlCase.named(name).topic("clicks", 2).topic("copy", 1)
                .input("clicks", TestRecord.of("a", "{\"user\":\"a\",\"amount\":1,\"ts\":\"2024-01-01 00:00:01\"}", T0))
                .ddl(ddl).dml(dml);
    }

    @Test
    void sqlThatDoesNotParseNamesTheStatementLineAndColumn() {
        CaseResult result = runner.run(copyCase("parse error", BOUNDED,
                "INSERT INTO copy\nSELECT `user`, amount FORM clicks").build());

        assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
        // FORM is read as an alias of amount, so the parser stops at the table name
        assertThat(result.message())
                .startsWith("while submitting the dml: statement 1 (line 1) of case 'parse error' dml failed: SQL parse failed.")
                .contains("Encountered \"clicks\" at line 2, column 28")
                .contains("     1 | INSERT INTO copy\n     2 | SELECT `user`, amount FORM clicks\n       | "
                        + " ".repeat(27) + "^ line 2, column 28");
    }

    @Test
    void aTableThatDoesNotExistIsNamed() {
        CaseResult result = runner.run(copyCase("missing table", BOUNDED,
                "INSERT INTO copy SELECT `user`, amount FROM nosuch").build());

        assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
        assertThat(result.message())
                .contains("statement 1 (line 1) of case 'missing table' dml failed: SQL validation failed. From line 1,")
                .contains("Object 'nosuch' not found")
                .contains("^ line 1, column");
    }

    @Test
    void aJobThatFailsAtRunTimeReportsTheJobsOwnException() {
        SqlCase bad = SqlCase.named("runtime failure").topic("clicks", 1).topic("copy", 1)
                .input("clicks", TestRecord.of("a", "this is not json", T0))
                .ddl(BOUNDED).dml("INSERT INTO copy SELECT `user`, amount FROM clicks").build();

        CaseResult result = runner.run(bad);

        assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
        assertThat(result.message())
                .startsWith("while waiting for the job: the job failed at run time: job " + result.jobIds().get(0) + " FAILED: ")
                .contains("caused by: java.io.IOException: Failed to deserialize JSON 'this is not json'.")
                .doesNotContain("Recovery is suppressed");
    }

    @Test
    void aTopicThatDoesNotExistIsNamedBeforeAnyJobStarts() {
        CaseResult result = runner.run(copyCase("literal topic", BOUNDED.replace("${topic.copy}", "copy"),
                "INSERT INTO copy SELECT `user`, amount FROM clicks").build());

        assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
        assertThat(result.jobIds()).isEmpty();
        assertThat(result.message()).isEqualTo("while preparing topics and running the ddl: statement 2 (line 6) of"
                + " case 'literal topic' ddl: table option 'topic' = 'copy' names a topic that does not exist on "
                + env.kafkaBootstrapServers() + " — declare it in the case's topics and write '${topic.copy}'"
                + " (declared topics: [clicks, copy])");
    }

    @Test
    void anUnknownPlaceholderListsTheKnownOnes() {
        CaseResult result = runner.run(copyCase("typo", BOUNDED.replace("${topic.clicks}", "${topic.click}"),
                "INSERT INTO copy SELECT `user`, amount FROM clicks").build());

        assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
        assertThat(result.message()).contains("statement 1 (line 1) of case 'typo' ddl: unknown placeholder ${topic.click};"
                + " known placeholders: [bootstrap.servers, case.id, kafka.options, topic.clicks, topic.copy]");
    }

    @Test
    void anUnboundedSourceTimesOutWithTheFixAndTheJobIsCancelled() {
        SqlCase unbounded = copyCase("unbounded", SOURCE.formatted(""),
                "INSERT INTO copy SELECT `user`, amount FROM clicks").timeout(Duration.ofSeconds(4)).build();

        CaseResult result = runner.run(unbounded);

        assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
        assertThat(result.jobIds()).as(result.message()).hasSize(1);
        assertThat(result.message())
                .contains("ms for job " + result.jobIds().get(0) + " to finish; last seen: job status RUNNING")
                .contains("every source table needs 'scan.bounded.mode' = 'latest-offset'");
        FlinkRestClient flink = new FlinkRestClient(env.flinkRestUri());
        JobStatus end = Poll.until("the timed-out job to be cancelled", Duration.ofSeconds(30),
                () -> Optional.of(flink.status(result.jobIds().get(0))).filter(JobStatus::isTerminal),
                () -> "not terminal");
        assertThat(end).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void wrongExpectedRowsFailWithADiffAndAGoodCaseStillPassesAfterwards() {
        SqlCase wrong = copyCase("wrong rows", BOUNDED, "INSERT INTO copy SELECT `user`, amount FROM clicks")
                .expectRows("copy", Row.of("user", "a", "amount", 2)).build();
        SqlCase right = copyCase("right rows", BOUNDED, "INSERT INTO copy SELECT `user`, amount FROM clicks")
                .expectRows("copy", Row.of("user", "a", "amount", 1)).build();

        CaseResult failed = runner.run(wrong);
        CaseResult passed = runner.run(right);

        assertThat(failed.status()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(failed.message()).isEqualTo("Expecting table copy (topic " + failed.topics().get("copy")
                + ", read_committed, append, 1 row)\n"
                + "to contain exactly, in any order, 1 row\n"
                + "but could not find 1 row, and found 1 unexpected row:\n"
                + "      user | amount\n"
                + "  differing (1):\n"
                + "    - a    | 2\n"
                + "    + a    | 1\n"
                + "             ^");
        assertThat(failed.table("copy").rows()).hasSize(1);
        assertThat(passed.status()).as(passed.message()).isEqualTo(CaseResult.Status.PASSED);
    }

    @Test
    void everyExpectationIsCheckedOutputsAreReadAndColumnsAndTolerancesApply() {
        SqlCase c = SqlCase.named("two outputs").topic("clicks", 1).topic("copy", 1).topic("averages", 1)
                .input("clicks", TestRecord.of("a", "{\"user\":\"a\",\"amount\":1,\"ts\":\"2024-01-01 00:00:01\"}", T0),
                        TestRecord.of("a", "{\"user\":\"a\",\"amount\":2,\"ts\":\"2024-01-01 00:00:02\"}", T0))
                .ddl(BOUNDED + """
                        ;
                        CREATE TABLE averages (`user` STRING, avg_amount DOUBLE, last_ts TIMESTAMP(3),
                          PRIMARY KEY (`user`) NOT ENFORCED) WITH ('connector' = 'upsert-kafka',
                          'topic' = '${topic.averages}', 'properties.bootstrap.servers' = '${bootstrap.servers}',
                          'key.format' = 'json', 'value.format' = 'json')""")
                .dml("""
                        EXECUTE STATEMENT SET BEGIN
                        INSERT INTO copy SELECT `user`, amount FROM clicks;
                        INSERT INTO averages SELECT `user`, AVG(CAST(amount AS DOUBLE)) / 3, MAX(ts) FROM clicks
                          GROUP BY `user`;
                        END""")
                .expect(Expectation.of("averages", OutputMode.UPSERT, java.util.List.of(
                                Row.of("user", "a", "avg_amount", 0.5, "last_ts", "2024-01-01 00:00:01.9")))
                        .withTolerance("avg_amount", new java.math.BigDecimal("0.001"))
                        .withTolerance("last_ts", Duration.ofMillis(100)))
                .expect(Expectation.of("copy", Row.of("user", "a"), Row.of("user", "b")).onColumns("user"))
                .build();

        CaseResult result = runner.run(c);

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(result.message()).isEqualTo("Expecting table copy (topic " + result.topics().get("copy")
                + ", read_committed, append, 2 rows)\n"
                + "to contain exactly, in any order, 2 rows (on columns user)\n"
                + "but could not find 1 row, and found 1 unexpected row:\n"
                + "      user\n"
                + "  missing (1):\n"
                + "    - b\n"
                + "  unexpected (1):\n"
                + "    + a");
        assertThat(result.table("averages").kind()).isEqualTo(io.flinkharness.results.ResultTable.Kind.UPSERT);
        assertThat(result.table("averages").changelog().rows()).extracting(r -> r.get("op"))
                .containsExactly("+I", "+U");
    }
}
