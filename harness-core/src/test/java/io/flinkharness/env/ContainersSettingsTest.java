package io.flinkharness.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainersSettingsTest {

    @Test
    void defaults() {
        assertThat(ContainersSettings.from(EnvironmentSettings.of(Map.of()))).isEqualTo(ContainersSettings.defaults())
                .isEqualTo(new ContainersSettings("apache/kafka:4.2.0", "flink:2.2.0-scala_2.12-java17", 1, 8, false,
                        Duration.ofMinutes(3)));
    }

    @Test
    void everySettingIsReadFromCodePropertiesOrVariables() {
        EnvironmentSettings settings = EnvironmentSettings.from(
                Map.of("flinkharness.containers.kafka-image", "apache/kafka-native:4.2.0",
                        "flinkharness.containers.task-slots", "2",
                        "flinkharness.containers.start-timeout", "90s"),
                Map.of("FLINK_HARNESS_CONTAINERS_FLINK_IMAGE", "registry.example.com/flink:2.2.0-java17",
                        "FLINK_HARNESS_CONTAINERS_REUSE", "TRUE"))
                .with("containers.task-managers", "3");

        assertThat(ContainersSettings.from(settings)).isEqualTo(new ContainersSettings("apache/kafka-native:4.2.0",
                "registry.example.com/flink:2.2.0-java17", 3, 2, true, Duration.ofSeconds(90)));
    }

    @Test
    void badValuesNameTheSettingAndHowToWriteIt() {
        assertThatThrownBy(() -> from("containers.task-managers", "two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting containers.task-managers ('two') is not a whole number of at least 1 — write it"
                        + " like 2");
        assertThatThrownBy(() -> from("containers.task-slots", "0"))
                .hasMessage("setting containers.task-slots ('0') is not a whole number of at least 1 — write it like 2");
        assertThatThrownBy(() -> from("containers.reuse", "yes"))
                .hasMessage("setting containers.reuse ('yes') is neither true nor false");
        assertThatThrownBy(() -> from("containers.start-timeout", "soon"))
                .hasMessage("setting containers.start-timeout ('soon') is not a positive duration — write it like 3m,"
                        + " 90s or PT3M");
        assertThatThrownBy(() -> from("containers.kafka-image", "Apache/Kafka:4.2.0"))
                .hasMessage("setting containers.kafka-image ('Apache/Kafka:4.2.0') is not a valid Docker image name —"
                        + " write it like apache/kafka:4.2.0");
        assertThatThrownBy(() -> from("containers.flink-image", "flink:2.2.0 java17"))
                .hasMessageStartingWith("setting containers.flink-image ('flink:2.2.0 java17') is not a valid Docker"
                        + " image name — write it like flink:2.2.0-scala_2.12-java17");
    }

    @Test
    void badValuesInCodeAreRefused() {
        assertThatThrownBy(() -> ContainersSettings.defaults().withTaskManagers(0))
                .hasMessage("taskManagers must be at least 1, got 0");
        assertThatThrownBy(() -> ContainersSettings.defaults().withStartTimeout(Duration.ZERO))
                .hasMessage("startTimeout must be positive, got PT0S");
    }

    private static ContainersSettings from(String key, String value) {
        return ContainersSettings.from(EnvironmentSettings.of(Map.of(key, value)));
    }
}
