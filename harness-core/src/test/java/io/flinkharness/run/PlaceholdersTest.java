package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.gateway.SqlStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private static final Placeholders PLACEHOLDERS = new Placeholders(Map.of(
            "topic.clicks", "t-3f2a9c-clicks",
            "topic.counts", "t-3f2a9c-counts",
            "bootstrap.servers", "127.0.0.1:9092",
            "case.id", "clicks-3f2a9c"));

    private static SqlStatement statement(String text) {
        return new SqlStatement(text, "case 'clicks' ddl", 2, 5);
    }

    @Test
    void replacesEveryPlaceholderAndKeepsWhereTheStatementCameFrom() {
        SqlStatement replaced = PLACEHOLDERS.apply(statement(
                "CREATE TABLE clicks (...) WITH ('topic' = '${topic.clicks}',\n"
                        + "'properties.bootstrap.servers' = '${bootstrap.servers}', 'x' = '${topic.clicks}')"));

        assertThat(replaced).isEqualTo(new SqlStatement(
                "CREATE TABLE clicks (...) WITH ('topic' = 't-3f2a9c-clicks',\n"
                        + "'properties.bootstrap.servers' = '127.0.0.1:9092', 'x' = 't-3f2a9c-clicks')",
                "case 'clicks' ddl", 2, 5));
    }

    @Test
    void aStatementWithoutPlaceholdersIsUnchanged() {
        assertThat(PLACEHOLDERS.apply(statement("SELECT '$', '{x}', '$x' FROM t")))
                .isEqualTo(statement("SELECT '$', '{x}', '$x' FROM t"));
    }

    @Test
    void aMalformedPlaceholderIsAnError() {
        assertThatThrownBy(() -> PLACEHOLDERS.apply(statement("SELECT * FROM t WITH ('topic' = '${topic clicks}')")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statement 2 (line 5) of case 'clicks' ddl: malformed placeholder '${topic clicks}' — "
                        + "placeholders look like ${topic.NAME}, ${bootstrap.servers}, ${case.id}");
    }

    @Test
    void anEmptyPlaceholderIsMalformed() {
        assertThatThrownBy(() -> PLACEHOLDERS.apply(statement("SELECT '${}'")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("statement 2 (line 5) of case 'clicks' ddl: malformed placeholder '${}' — ");
    }

    @Test
    void anUnclosedPlaceholderIsMalformedUpToTheEndOfItsLine() {
        assertThatThrownBy(() -> PLACEHOLDERS.apply(statement("WITH ('topic' = '${topic.clicks',\n'x' = 'y')")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("statement 2 (line 5) of case 'clicks' ddl: malformed placeholder '${topic.clicks',' — ");
    }

    @Test
    void anUnknownPlaceholderNamesTheStatementAndListsTheKnownOnesSorted() {
        assertThatThrownBy(() -> PLACEHOLDERS.apply(statement("SELECT * FROM t WITH ('topic' = '${topic.clickz}')")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statement 2 (line 5) of case 'clicks' ddl: unknown placeholder ${topic.clickz}; "
                        + "known placeholders: [bootstrap.servers, case.id, topic.clicks, topic.counts] "
                        + "(topics must be declared in the case to get a ${topic.NAME} placeholder)");
    }

    @Test
    void placeholderNamesAreCaseSensitive() {
        assertThatThrownBy(() -> PLACEHOLDERS.apply(statement("'${Case.Id}'")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("statement 2 (line 5) of case 'clicks' ddl: unknown placeholder ${Case.Id}; ");
    }

    @Test
    void withoutAnyValuesTheKnownListIsEmpty() {
        assertThatThrownBy(() -> new Placeholders(Map.of()).apply(statement("'${case.id}'")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statement 2 (line 5) of case 'clicks' ddl: unknown placeholder ${case.id}; "
                        + "known placeholders: [] (topics must be declared in the case to get a ${topic.NAME} placeholder)");
    }

    @Test
    void dollarsAndBackslashesInValuesAreSubstitutedLiterally() {
        Placeholders placeholders = new Placeholders(Map.of("p", "a$1\\b${q}\\", "q", "never"));

        assertThat(placeholders.apply(statement("x=${p};")).text()).isEqualTo("x=a$1\\b${q}\\;");
    }

    @Test
    void namesMayHoldDigitsDashesAndUnderscores() {
        Placeholders placeholders = new Placeholders(Map.of("topic.orders-v2_eu", "t-1"));

        assertThat(placeholders.apply(statement("'${topic.orders-v2_eu}'")).text()).isEqualTo("'t-1'");
    }

    @Test
    void laterChangesToTheValuesMapDoNotMatter() {
        Map<String, String> values = new java.util.HashMap<>(Map.of("a", "1"));
        Placeholders placeholders = new Placeholders(values);

        values.put("a", "2");

        assertThat(placeholders.apply(statement("${a}")).text()).isEqualTo("1");
    }

    @Test
    void anEnvironmentGivesTheJobsBootstrapServersAndItsKafkaOptionsQuoted() {
        io.flinkharness.env.FlinkKafkaEnvironment secured = new io.flinkharness.env.FlinkKafkaEnvironment() {
            public String kafkaBootstrapServers() {
                return "localhost:9093";
            }

            public String jobBootstrapServers() {
                return "kafka:19093";
            }

            public io.flinkharness.kafka.KafkaConnection kafkaConnection() {
                return io.flinkharness.kafka.KafkaConnection.to("localhost:9093")
                        .with("security.protocol", "SASL_PLAINTEXT").with("sasl.mechanism", "PLAIN")
                        .with("sasl.jaas.config", "PlainLoginModule required username='u' password='p';");
            }

            public java.net.URI sqlGatewayUri() {
                return java.net.URI.create("http://127.0.0.1:1");
            }

            public java.net.URI flinkRestUri() {
                return java.net.URI.create("http://127.0.0.1:2");
            }

            public void close() {
            }
        };

        Map<String, String> values = Placeholders.ofEnvironment(secured);

        assertThat(values).containsEntry("bootstrap.servers", "kafka:19093");
        assertThat(values.get("kafka.options")).isEqualTo("'properties.bootstrap.servers' = 'kafka:19093',"
                + " 'properties.sasl.jaas.config' = 'PlainLoginModule required username=''u'' password=''p'';',"
                + " 'properties.sasl.mechanism' = 'PLAIN', 'properties.security.protocol' = 'SASL_PLAINTEXT'");
        assertThat(secured.kafkaConnection().toString()).isEqualTo("localhost:9093 {sasl.jaas.config=******,"
                + " sasl.mechanism=PLAIN, security.protocol=SASL_PLAINTEXT}");
    }
}
