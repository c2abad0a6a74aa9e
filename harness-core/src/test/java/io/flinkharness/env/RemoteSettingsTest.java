package io.flinkharness.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteSettingsTest {
    private static final Map<String, String> VARIABLES = Map.of(
            "FLINK_HARNESS_REMOTE_BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093",
            "FLINK_HARNESS_REMOTE_SQL_GATEWAY", "http://gateway:8083",
            "FLINK_HARNESS_REMOTE_FLINK_REST", "https://jobmanager:8081",
            "PATH", "/usr/bin");

    @Test
    void fromVariablesAndSystemPropertiesWithSecretsMasked(@TempDir Path dir) throws IOException {
        Path client = dir.resolve("client.properties");
        Files.writeString(client, """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="ci" password="s3cr3t";
                """);
        EnvironmentSettings settings = EnvironmentSettings.from(Map.of(
                "flinkharness.remote.kafka-properties-file", client.toString(),
                "flinkharness.remote.kafka.ssl.truststore.password", "changeit",
                "flinkharness.remote.topic-prefix", "ci-",
                "flinkharness.remote.connect-timeout", "3s",
                "user.home", "/home/ci"), VARIABLES);

        RemoteSettings remote = RemoteSettings.from(settings);

        assertThat(remote.kafka().bootstrapServers()).isEqualTo("kafka-1:9093,kafka-2:9093");
        assertThat(remote.kafka().properties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.password", "changeit").hasSize(4);
        assertThat(remote.sqlGateway()).isEqualTo(URI.create("http://gateway:8083"));
        assertThat(remote.flinkRest()).isEqualTo(URI.create("https://jobmanager:8081"));
        assertThat(remote.topicPrefix()).isEqualTo("ci-");
        assertThat(remote.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(remote.schemaRegistry()).isEmpty();
        assertThat(remote.toString()).doesNotContain("s3cr3t").doesNotContain("changeit")
                .contains("sasl.jaas.config=******").contains("ssl.truststore.password=******")
                .contains("security.protocol=SASL_SSL");
    }

    @Test
    void valuesGivenInCodeComeFirst() {
        RemoteSettings remote = RemoteSettings.from(EnvironmentSettings.from(Map.of(), VARIABLES)
                .with("remote.bootstrap-servers", "127.0.0.1:9092")
                .with("remote.schema-registry", "http://registry:8081/apis/ccompat/v7"));

        assertThat(remote.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(remote.schemaRegistry()).contains(URI.create("http://registry:8081/apis/ccompat/v7"));
        assertThat(remote.jobBootstrapServers()).isEqualTo(Optional.empty());
    }

    @Test
    void aMissingSettingSaysEveryWayToGiveIt() {
        assertThatThrownBy(() -> RemoteSettings.from(EnvironmentSettings.of(Map.of(
                "remote.bootstrap-servers", "kafka:9092", "remote.flink-rest", "http://jm:8081"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing setting remote.sql-gateway (the Flink SQL Gateway's REST URL) — give it as"
                        + " -Dflinkharness.remote.sql-gateway=..., the environment variable"
                        + " FLINK_HARNESS_REMOTE_SQL_GATEWAY, or --env-setting remote.sql-gateway=... on the command"
                        + " line");
    }

    @Test
    void badValuesAreNamed() {
        EnvironmentSettings base = EnvironmentSettings.from(Map.of(), VARIABLES);
        assertThatThrownBy(() -> RemoteSettings.from(base.with("remote.sql-gateway", "gateway:8083")))
                .hasMessage("setting remote.sql-gateway ('gateway:8083'): not an http(s) URL — give the Flink SQL"
                        + " Gateway's REST URL like http://host:port");
        assertThatThrownBy(() -> RemoteSettings.from(base.with("remote.connect-timeout", "soon")))
                .hasMessage("setting remote.connect-timeout ('soon') is not a positive duration — write it like 10s,"
                        + " 500ms or 1m");
        assertThatThrownBy(() -> RemoteSettings.from(base.with("remote.kafka-properties-file", "/no/such.properties")))
                .hasMessageStartingWith("setting remote.kafka-properties-file: cannot read /no/such.properties: ")
                .hasMessageEndingWith(" — give the path of a Kafka client .properties file");
        assertThatThrownBy(() -> RemoteSettings.from(base.with("remote.topic-prefix", "ci tests/")))
                .hasMessage("topic prefix 'ci tests/' is not valid in a Kafka topic name: use letters, digits, '.',"
                        + " '_' and '-'");
    }
}
