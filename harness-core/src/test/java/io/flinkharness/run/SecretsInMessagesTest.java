package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.gateway.SqlStatementException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A secret that ${kafka.options} writes into a statement never shows in the error that quotes the statement. */
class SecretsInMessagesTest {
    private static final String PASSWORD = "hunter2-7f3a";

    /** The embedded environment, as if its jobs needed SASL credentials. */
    private static final class WithCredentials implements FlinkKafkaEnvironment {
        private final FlinkKafkaEnvironment env = SharedTestEnvironment.get();

        public String kafkaBootstrapServers() {
            return env.kafkaBootstrapServers();
        }

        public Map<String, String> jobKafkaProperties() {
            return Map.of("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username='ci' password='" + PASSWORD + "';", "sasl.mechanism", "PLAIN");
        }

        public URI sqlGatewayUri() {
            return env.sqlGatewayUri();
        }

        public URI flinkRestUri() {
            return env.flinkRestUri();
        }

        public void close() {
        }
    }

    @Test
    void aStatementErrorQuotesTheStatementWithTheSecretMasked() {
        try (CaseRunner runner = CaseRunner.on(new WithCredentials());
             TestSession session = runner.openSession("secrets", Duration.ofSeconds(30))) {
            session.createTopic("clicks", 1);

            Throwable error = catchThrowable(() -> session.execute("CREATE TABLE clicks (id INT) WTIH ("
                    + "'connector' = 'kafka', 'topic' = '${topic.clicks}', ${kafka.options}, 'format' = 'json')"));

            assertThat(error).isInstanceOf(SqlStatementException.class);
            assertThat(error.getMessage()).contains("'properties.sasl.jaas.config' = '******'")
                    .contains("'properties.sasl.mechanism' = 'PLAIN'").doesNotContain(PASSWORD);
            assertThat(((SqlStatementException) error).statement().text()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aCaseErrorQuotesTheStatementWithTheSecretMasked() {
        try (CaseRunner runner = CaseRunner.on(new WithCredentials())) {
            CaseResult result = runner.run(SqlCase.named("secrets").topic("clicks", 1)
                    .ddl("CREATE TABLE clicks (id INT) WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}',"
                            + " ${kafka.options}, 'format' = 'json', 'no.such.option' = 'x')")
                    .dml("INSERT INTO clicks SELECT 1").build());

            assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
            assertThat(result.message()).doesNotContain(PASSWORD);
            assertThat(result.failure()).hasValueSatisfying(f -> assertThat(f.getMessage()).doesNotContain(PASSWORD));
        }
    }
}
