package io.flinkharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against Kafka + Flink: the environment starts once per JVM, on first use, and is shared by
 * every class of the run (also when classes run in parallel); each test gets its own {@link
 * io.flinkharness.run.TestSession} with its own topics and SQL Gateway session, and every job it started is cancelled
 * when it ends, passed or failed.
 *
 * <pre>{@code
 * @FlinkSqlTest
 * @KafkaTopic(name = "clicks", partitions = 2)
 * @KafkaTopic(name = "clicks_per_window")
 * @SqlScript("sql/clicks-tables.sql")            // CREATE TABLE ... 'topic' = '${topic.clicks}' ...
 * class ClicksPerWindowTest {
 *     @Test
 *     void countsClicksPerWindow(TestSession session, @Topic("clicks") SessionTopic clicks) {
 *         clicks.send(click("alice", "2024-01-01T00:00:01Z"), ...);
 *         session.run("INSERT INTO clicks_per_window SELECT ...");
 *         assertThat(session.table("clicks_per_window")).containsExactlyRowsInAnyOrder(...);
 *     }
 * }
 * }</pre>
 *
 * <p>Parameters the extension injects: {@link io.flinkharness.run.TestSession} and
 * {@link io.flinkharness.run.SessionTopic} (with {@link Topic}) in test and {@code @BeforeEach}/{@code @AfterEach}
 * methods; {@link io.flinkharness.env.FlinkKafkaEnvironment} and {@link io.flinkharness.run.CaseRunner} anywhere.
 * For settings in code, register a {@link FlinkSqlExtension} built with {@link FlinkSqlExtension#builder()} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FlinkSqlExtension.class)
public @interface FlinkSqlTest {
    /**
     * The environment: {@code "embedded"}, {@code "remote"} or {@code "containers"} (see
     * {@link io.flinkharness.env.Environments}). Empty means the system property {@value FlinkSqlExtension#ENVIRONMENT_PROPERTY},
     * else the environment variable {@value FlinkSqlExtension#ENVIRONMENT_VARIABLE}, else embedded.
     */
    String environment() default "";

    /** The limit of every wait of a test (statements, jobs, reads), e.g. {@code "90s"}, {@code "2m"}, {@code "PT2M"}. */
    String timeout() default "60s";

    /** How often jobs checkpoint: exactly-once output becomes visible to read_committed readers at checkpoints. */
    String checkpointInterval() default "100ms";

    /** Keep a failed test's topics (they are deleted with the environment) to look at them. */
    boolean keepTopicsOnFailure() default true;
}
