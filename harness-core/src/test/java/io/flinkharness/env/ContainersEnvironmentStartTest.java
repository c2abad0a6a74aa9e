package io.flinkharness.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** What starting the containers environment says before any container runs. */
class ContainersEnvironmentStartTest {
    private static final String NO_DOCKER = "no Docker engine found (Testcontainers looked at DOCKER_HOST,"
            + " ~/.testcontainers.properties and the usual sockets such as /var/run/docker.sock): the containers"
            + " environment needs one; use embedded or remote";

    @Test
    void withoutDockerTheStartFailsAtOnceSayingWhatToUseInstead() {
        assertThatThrownBy(() -> ContainersEnvironment.start(ContainersSettings.defaults(), () -> false))
                .isInstanceOf(EnvironmentStartException.class)
                .hasMessage(NO_DOCKER)
                .hasNoCause();
    }

    @Test
    void environmentsKnowsContainersAndItFailsFastOnAMachineWithoutDocker() {
        assertThat(Environments.NAMES).containsExactly("embedded", "remote", "containers");
        assertThat(Environments.normalized(" Containers ")).isEqualTo("containers");
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "this machine has Docker");

        long start = System.nanoTime();
        assertThatThrownBy(() -> Environments.start("containers", EnvironmentSettings.of(Map.of())))
                .isInstanceOf(EnvironmentStartException.class)
                .hasMessage(NO_DOCKER);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void badSettingsAreNamedBeforeDockerIsLookedFor() {
        assertThatThrownBy(() -> Environments.start("containers",
                EnvironmentSettings.of(Map.of("containers.task-managers", "-1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting containers.task-managers ('-1') is not a whole number of at least 1 — write it"
                        + " like 2");
    }
}
