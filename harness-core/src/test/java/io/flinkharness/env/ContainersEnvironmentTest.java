package io.flinkharness.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;

/**
 * A case through the containers environment: Kafka and a Flink session cluster in Docker containers. Skipped,
 * saying so, on machines without a Docker engine.
 */
@EnabledIf(value = "dockerIsAvailable", disabledReason = ContainersEnvironmentTest.NO_DOCKER)
class ContainersEnvironmentTest {
    static final String NO_DOCKER = "no Docker engine found: the containers environment needs one";

    private static ContainersEnvironment env;

    @BeforeAll
    static void startContainers() {
        env = ContainersEnvironment.start(ContainersSettings.from(EnvironmentSettings.fromSystem()));
    }

    /** Surefire reports skipped tests without their reason: say it here. */
    static boolean dockerIsAvailable() {
        boolean available = DockerClientFactory.instance().isDockerAvailable();
        if (!available) {
            System.err.println("ContainersEnvironmentTest skipped: " + NO_DOCKER);
        }
        return available;
    }

    @AfterAll
    static void stopContainers() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void aBoundedWindowCaseRunsOnTheContainersWhoseJobsReachKafkaOnTheirNetwork() {
        assertThat(env.jobBootstrapServers()).isEqualTo("kafka:19092");
        assertThat(env.kafkaBootstrapServers()).isNotEqualTo(env.jobBootstrapServers());

        try (CaseRunner runner = CaseRunner.on(env)) {
            CaseResult result = runner.run(RemoteEnvironmentTest.clicksPerUser("clicks in containers"));

            assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        ContainersEnvironment second = ContainersEnvironment.start(ContainersSettings.defaults());
        second.close();
        second.close();
    }
}
