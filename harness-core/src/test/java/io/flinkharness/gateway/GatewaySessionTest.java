package io.flinkharness.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.env.internal.EmbeddedFlink;
import io.flinkharness.internal.Poll;
import io.flinkharness.internal.RestJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway client against a real Flink session cluster with its SQL Gateway (no Kafka needed). */
class GatewaySessionTest {
    private static EmbeddedFlink flink;
    private static SqlGatewayClient client;

    @BeforeAll
    static void start() {
        flink = EmbeddedFlink.start(4);
        client = SqlGatewayClient.connect(flink.sqlGatewayUri());
    }

    @AfterAll
    static void stop() {
        if (flink != null) {
            flink.close();
        }
    }

    @Test
    void sessionPropertiesAndConfigurationApplyToTheSession() {
        try (GatewaySession session = client.openSession("config", Map.of("parallelism.default", "3"))) {
            session.configure("pipeline.name", "it's configured");

            List<List<Object>> settings = session.execute("SET").rows();

            assertThat(settings).contains(List.of("parallelism.default", "3"), List.of("pipeline.name", "it's configured"));
        }
    }

    @Test
    void ddlThenQueriesOfTheCatalogSeeTheTable() {
        try (GatewaySession session = client.openSession("ddl", Map.of())) {
            StatementResult created = session.execute("CREATE TABLE numbers (n INT) WITH ('connector' = 'datagen')");
            StatementResult tables = session.execute("SHOW TABLES");

            assertThat(created.resultKind()).isEqualTo("SUCCESS");
            assertThat(created.jobId()).isEmpty();
            assertThat(tables.columns()).containsExactly("table name");
            assertThat(tables.rows()).containsExactly(List.of("numbers"));
        }
    }

    @Test
    void aRunningOperationReportsItsStatusAndCancelStopsItsJob() {
        try (GatewaySession session = client.openSession("cancel", Map.of("execution.runtime-mode", "streaming"))) {
            session.execute("CREATE TABLE endless (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1')");
            try (GatewayOperation select = session.submit(SqlStatement.of("SELECT * FROM endless"))) {
                Poll.until("the SELECT to run", Duration.ofSeconds(30),
                        () -> Optional.of(select.status()).filter("RUNNING"::equals).or(() -> finishedToo(select)),
                        select::status);
                Poll.until("a RUNNING job for the SELECT", Duration.ofSeconds(30),
                        () -> runningJobs() > 0 ? Optional.of(true) : Optional.empty(), () -> "no running job");

                select.cancel();

                assertThat(select.status()).isIn("CANCELED", "FINISHED");
                Poll.until("the SELECT's job to stop", Duration.ofSeconds(30),
                        () -> runningJobs() == 0 ? Optional.of(true) : Optional.empty(), () -> runningJobs() + " running");
            }
        }
    }

    @Test
    void aClosedSessionIsReportedAsSuch() {
        GatewaySession session = client.openSession("closed", Map.of());
        session.close();
        session.close(); // a second close is a no-op

        assertThatThrownBy(() -> session.execute("SHOW TABLES"))
                .isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("Flink SQL Gateway refused a request")
                .hasMessageContaining(session.handle());
    }

    /** A SELECT's operation may already report FINISHED once its first results are fetchable. */
    private static Optional<String> finishedToo(GatewayOperation operation) {
        return Optional.of(operation.status()).filter("FINISHED"::equals);
    }

    private static long runningJobs() {
        JsonNode overview = new RestJson("Flink REST API", Duration.ofSeconds(10))
                .get(flink.flinkRestUri().resolve("/jobs/overview"));
        return StreamSupport.stream(overview.path("jobs").spliterator(), false)
                .filter(j -> "RUNNING".equals(j.path("state").asText())).count();
    }
}
