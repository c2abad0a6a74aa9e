package io.flinkharness.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.flink.FlinkRestClient;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.internal.Poll;
import io.flinkharness.kafka.KafkaTopics;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.SqlJob;
import io.flinkharness.run.TestSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension's life cycle on real Kafka and Flink, run through JUnit's test kit on small fixture classes: one
 * environment for every class, a session, topics and jobs per test, declarations, parameters, and failures.
 */
@FlinkSqlTest
class FlinkSqlExtensionTest {
    static final List<Object> SEEN = new CopyOnWriteArrayList<>();
    static final Map<String, TestSession> SESSIONS = new ConcurrentHashMap<>();
    static final Map<String, String> JOBS = new ConcurrentHashMap<>();

    private static FlinkKafkaEnvironment env;

    /** This class holds the environment, so the fixtures' runs share it instead of starting their own. */
    @BeforeAll
    static void holdTheEnvironment(FlinkKafkaEnvironment environment) {
        env = environment;
    }

    private static EngineExecutionResults run(Class<?>... fixtures) {
        SEEN.clear();
        SESSIONS.clear();
        JOBS.clear();
        return EngineTestKit.engine("junit-jupiter")
                .selectors(java.util.Arrays.stream(fixtures).map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    private static Throwable firstFailure(EngineExecutionResults results) {
        return results.testEvents().failed().list().get(0).getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    // ---- one environment, a session per test

    @Test
    void everyClassSharesTheEnvironmentOfTheRunAndEveryTestGetsItsOwnSessionAndTopics() {
        run(FirstFixture.class, SecondFixture.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));

        assertThat(SEEN).hasSize(6).filteredOn(o -> o instanceof FlinkKafkaEnvironment).containsOnly(env);
        assertThat(SEEN).filteredOn(o -> o instanceof CaseRunner).hasSize(3)
                .as("one runner for the same settings").containsOnly(SEEN.get(1));
        assertThat(SESSIONS).hasSize(3);
        assertThat(SESSIONS.values()).extracting(s -> s.topic("events").name()).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith("events-"));
        try (KafkaTopics topics = KafkaTopics.connect(env.kafkaBootstrapServers())) {
            List<String> names = SESSIONS.values().stream().map(s -> s.topic("events").name()).toList();
            Poll.until("the passed tests' topics " + names + " to be deleted", Duration.ofSeconds(30),
                    () -> topics.existing(names).isEmpty() ? Optional.of(true) : Optional.empty(),
                    () -> "still there: " + topics.existing(names));
        }
    }

    @FlinkSqlTest
    @KafkaTopic(name = "events", partitions = 2)
    static class FirstFixture {
        @Test
        void one(FlinkKafkaEnvironment environment, CaseRunner runner, TestSession session) {
            SEEN.add(environment);
            SEEN.add(runner);
            SESSIONS.put("one", session);
        }

        @Test
        void two(FlinkKafkaEnvironment environment, CaseRunner runner, TestSession session) {
            SEEN.add(environment);
            SEEN.add(runner);
            SESSIONS.put("two", session);
        }
    }

    @FlinkSqlTest
    @KafkaTopic(name = "events")
    static class SecondFixture {
        @Test
        void three(EmbeddedEnvironment environment, CaseRunner runner, TestSession session) {
            SEEN.add(environment);
            SEEN.add(runner);
            SESSIONS.put("three", session);
        }
    }

    // ---- declarations and a bounded run

    @Test
    void topicsAndScriptsAreDeclaredAndTheOutputIsReadAsTheSinkTableTypesIt() {
        run(CopyFixture.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @FlinkSqlTest
    @KafkaTopic(name = "events", partitions = 2)
    @SqlScript("sql/events.sql")
    static class CopyFixture {
        @Test
        @KafkaTopic(name = "copied")
        void copiesEvents(TestSession session, @Topic("events") SessionTopic events) {
            events.send(TestRecord.of(null, "{\"id\":1,\"name\":\"a\"}").withPartition(0),
                    TestRecord.of(null, "{\"id\":2,\"name\":\"b\"}").withPartition(1));

            SqlJob job = session.run("INSERT INTO copied SELECT id, UPPER(name) FROM events");

            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(session.table("copied")).containsExactlyRowsInAnyOrder(Row.of("id", 1, "name", "A"),
                    Row.of("id", 2, "name", "B"));
        }
    }

    // ---- parallel methods and classes

    @Test
    void testsRunningInParallelUseTheSameTopicNamesWithoutSeeingEachOther() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(ParallelFixture.class), selectClass(OtherParallelFixture.class))
                .execute();

        results.testEvents().assertStatistics(s -> s.started(6).succeeded(6));
    }

    /** Each test writes records tagged with its own number and reads back exactly those. */
    abstract static class ParallelTests {
        abstract int base();

        void copiesItsOwnRecords(TestSession session, SessionTopic events, int n) {
            int id = base() + n;
            events.send(TestRecord.of(null, "{\"id\":" + id + ",\"name\":\"t" + id + "\"}"));
            session.run("INSERT INTO copied SELECT id, name FROM events");
            assertThat(session.table("copied")).containsExactlyRows(Row.of("id", id, "name", "t" + id));
        }
    }

    @FlinkSqlTest
    @KafkaTopic(name = "events")
    @KafkaTopic(name = "copied")
    @SqlScript("sql/events.sql")
    static class ParallelFixture extends ParallelTests {
        @Override
        int base() {
            return 0;
        }

        @Test
        void a(TestSession session, @Topic("events") SessionTopic events) {
            copiesItsOwnRecords(session, events, 1);
        }

        @Test
        void b(TestSession session, @Topic("events") SessionTopic events) {
            copiesItsOwnRecords(session, events, 2);
        }

        @Test
        void c(TestSession session, @Topic("events") SessionTopic events) {
            copiesItsOwnRecords(session, events, 3);
        }
    }

    @FlinkSqlTest
    @KafkaTopic(name = "events")
    @KafkaTopic(name = "copied")
    @SqlScript("sql/events.sql")
    static class OtherParallelFixture extends ParallelFixture {
        @Override
        int base() {
            return 100;
        }
    }

    // ---- failures

    @Test
    void aFailedTestsJobsAreCancelledAndItsMessageCarriesTopicsJobsAndLogs() {
        EngineExecutionResults results = run(FailingFixture.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = firstFailure(results);
        String jobId = JOBS.get("endless");
        assertThat(failure).isInstanceOf(org.opentest4j.AssertionFailedError.class);
        assertThat(failure.getMessage())
                .startsWith("the job never ends ==> expected: <true> but was: <false>")
                .contains("\n\ntest session 'FailingFixture runsForever' (id failingfixture-runsforever-")
                .containsPattern("\n  topic events: events-failingfixture-runsforever-[0-9a-f]{6}, 1 partition,"
                        + " 1 records sent")
                .contains("\n  job " + jobId + " RUNNING: INSERT INTO blackhole_sink SELECT id FROM endless")
                .contains("\n  logs: this JVM's log output")
                .contains("/jobs/" + jobId + "/exceptions");
        FlinkRestClient flink = new FlinkRestClient(env.flinkRestUri());
        Poll.until("job " + jobId + " to be cancelled after the failed test", Duration.ofSeconds(30),
                () -> flink.status(jobId) == JobStatus.CANCELED ? Optional.of(true) : Optional.empty(),
                () -> "status " + flink.status(jobId));
    }

    @FlinkSqlTest
    @KafkaTopic(name = "events")
    @SqlScript("sql/unbounded.sql")
    static class FailingFixture {
        @Test
        void runsForever(TestSession session, @Topic("events") SessionTopic events) {
            events.send(TestRecord.of(null, "{\"id\":1}"));
            SqlJob job = session.start("INSERT INTO blackhole_sink SELECT id FROM endless");
            JOBS.put("endless", job.id());
            org.junit.jupiter.api.Assertions.assertTrue(false, "the job never ends");
        }
    }

    @Test
    void aFailedAssertionOnARunningJobsOutputCarriesTheStallDiagnosis() {
        EngineExecutionResults results = run(IdlePartitionFixture.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = firstFailure(results);
        assertThat(failure).isInstanceOf(org.opentest4j.AssertionFailedError.class);
        assertThat(failure.getMessage())
                .startsWith("windows fired ==> expected: <1> but was: <0>")
                .contains("\n  job " + JOBS.get("windows") + " RUNNING: INSERT INTO counts")
                .containsPattern("\ndiagnosis:\n  IDLE_PARTITION: partition 1 of table clicks \\(topic"
                        + " clicks-idlepartitionfixture-windowswith-[0-9a-f]{6}\\) never received a"
                        + " record: the source watermark is held at -inf")
                .contains("\n    partition 1: no records, watermark -inf (no watermark yet)\n");
    }

    @FlinkSqlTest
    @KafkaTopic(name = "clicks", partitions = 2)
    @KafkaTopic(name = "counts")
    @SqlScript("sql/windows.sql")
    static class IdlePartitionFixture {
        @Test
        void windowsWithAnIdlePartition(TestSession session, @Topic("clicks") SessionTopic clicks) {
            clicks.send(TestRecord.of("a", "{\"user\":\"a\",\"ts\":\"2026-01-01 00:00:01\"}").withPartition(0),
                    TestRecord.of("a", "{\"user\":\"a\",\"ts\":\"2026-01-01 00:01:00\"}").withPartition(0));
            SqlJob job = session.start("INSERT INTO counts SELECT `user`, window_end, COUNT(*) FROM TABLE(TUMBLE("
                    + "TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY `user`, window_start, window_end");
            JOBS.put("windows", job.id());
            job.awaitRunning();
            org.junit.jupiter.api.Assertions.assertEquals(1, session.table("counts").size(), "windows fired");
        }
    }

    // ---- configuration errors, with their exact messages

    @Test
    void aTopicWithoutPartitionsIsAConfigurationErrorOfTheClass() {
        run(ZeroPartitionsFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(
                finishedWithFailure(instanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class),
                        message("@KafkaTopic(name = \"clicks\") on ZeroPartitionsFixture requires partitions >= 1 but"
                                + " was 0"))));
    }

    @FlinkSqlTest
    @KafkaTopic(name = "clicks", partitions = 0)
    static class ZeroPartitionsFixture {
        @Test
        void never() {
        }
    }

    @Test
    void declarationsOfATestMethodAreCheckedToo() {
        EngineExecutionResults results = run(MethodMistakesFixture.class);
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("twice"), finishedWithFailure(message(
                        "@KafkaTopic(name = \"events\") on MethodMistakesFixture.twice() is declared twice — each"
                                + " topic name once, on the class or on the method"))))
                .haveExactly(1, event(test("missingScript"), finishedWithFailure(message(m -> m.startsWith(
                        "@SqlScript(\"sql/missing.sql\") on MethodMistakesFixture.missingScript(): no classpath"
                                + " resource 'sql/missing.sql' and no file ")))))
                .haveExactly(1, event(test("badName"), finishedWithFailure(message(
                        "@KafkaTopic(name = \"no spaces\") on MethodMistakesFixture.badName(): 'no spaces' is not"
                                + " a valid Kafka topic name — use letters, digits, '.', '_' and '-'"))))
                .haveExactly(1, event(test("unknownTopic"), finishedWithFailure(message(
                        "@Topic(\"clicks\") on parameter 0 of MethodMistakesFixture.unknownTopic(): no"
                                + " @KafkaTopic(name = \"clicks\") on the test or its class; declared: [events]"))))
                .haveExactly(1, event(test("topicWithoutName"), finishedWithFailure(message(
                        "SessionTopic (parameter 0 of MethodMistakesFixture.topicWithoutName()) needs"
                                + " @Topic(\"name\") to say which topic"))))
                .haveExactly(1, event(test("brokenScript"), finishedWithFailure(message(m -> m.startsWith(
                        "@SqlScript(\"classpath:sql/broken.sql\") on MethodMistakesFixture.brokenScript():"
                                + " statement 2 (line 2) of classpath:sql/broken.sql")))));
        results.testEvents().assertStatistics(s -> s.started(6).failed(6));
    }

    @FlinkSqlTest
    @KafkaTopic(name = "events")
    static class MethodMistakesFixture {
        @Test
        @KafkaTopic(name = "events")
        void twice() {
        }

        @Test
        @SqlScript("sql/missing.sql")
        void missingScript() {
        }

        @Test
        @KafkaTopic(name = "no spaces")
        void badName() {
        }

        @Test
        void unknownTopic(@Topic("clicks") SessionTopic clicks) {
        }

        @Test
        void topicWithoutName(SessionTopic events) {
        }

        @Test
        @SqlScript("classpath:sql/broken.sql")
        void brokenScript() {
        }
    }

    @Test
    void aSessionIsPerTestNotPerClass() {
        run(SessionInConstructorFixture.class).testEvents().assertThatEvents().haveExactly(1, event(
                finishedWithFailure(message("TestSession (parameter 0 of the SessionInConstructorFixture constructor):"
                        + " a test session exists per test — declare it on the test"
                        + " method or a @BeforeEach/@AfterEach method, not on a constructor or @BeforeAll"))));
    }

    @FlinkSqlTest
    static class SessionInConstructorFixture {
        SessionInConstructorFixture(TestSession session) {
        }

        @Test
        void never() {
        }
    }

    @Test
    void badAnnotationValuesAndUnknownEnvironmentsAreNamed() {
        run(BadTimeoutFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message("@FlinkSqlTest on BadTimeoutFixture: timeout = \"soon\" is not a positive duration — write"
                        + " e.g. 500ms, 90s, 2m or PT2M"))));
        run(UnknownEnvironmentFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(
                finishedWithFailure(message("unknown environment 'docker' (from @FlinkSqlTest on"
                        + " UnknownEnvironmentFixture) — known environments: [embedded, remote, containers]"))));
    }

    @FlinkSqlTest(timeout = "soon")
    static class BadTimeoutFixture {
        @Test
        void never() {
        }
    }

    @FlinkSqlTest(environment = "docker")
    static class UnknownEnvironmentFixture {
        @Test
        void never() {
        }
    }

    @Test
    void theSystemPropertyChoosesTheEnvironmentWhenTheAnnotationDoesNot() {
        String before = System.getProperty(FlinkSqlExtension.ENVIRONMENT_PROPERTY);
        System.setProperty(FlinkSqlExtension.ENVIRONMENT_PROPERTY, "remote-ish");
        try {
            run(PlainFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                    message("unknown environment 'remote-ish' (from system property flinkharness.environment) —"
                            + " known environments: [embedded, remote, containers]"))));
        } finally {
            if (before == null) {
                System.clearProperty(FlinkSqlExtension.ENVIRONMENT_PROPERTY);
            } else {
                System.setProperty(FlinkSqlExtension.ENVIRONMENT_PROPERTY, before);
            }
        }
        run(PlainFixture.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @FlinkSqlTest
    static class PlainFixture {
        @Test
        void runs(TestSession session) {
            assertThat(session.placeholderValues()).containsKeys("bootstrap.servers", "case.id");
        }
    }

    // ---- the programmatic form

    @Test
    void aRegisteredExtensionCarriesSettingsInCodeAndWinsOverTheAnnotation() {
        run(RegisteredFixture.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        run(NonStaticRegisteredFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(
                finishedWithFailure(message("@RegisterExtension field NonStaticRegisteredFixture.flink must be"
                        + " static: the environment is shared by the whole run"))));
    }

    @FlinkSqlTest
    static class RegisteredFixture {
        @org.junit.jupiter.api.extension.RegisterExtension
        static final FlinkSqlExtension FLINK = FlinkSqlExtension.builder().timeout(Duration.ofSeconds(42)).build();

        @Test
        void usesTheRegisteredSettings(TestSession session) {
            assertThat(session.timeout()).isEqualTo(Duration.ofSeconds(42));
        }
    }

    @FlinkSqlTest
    static class NonStaticRegisteredFixture {
        @org.junit.jupiter.api.extension.RegisterExtension
        final FlinkSqlExtension flink = FlinkSqlExtension.builder().build();

        @Test
        void never() {
        }
    }
}
