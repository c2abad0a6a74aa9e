package io.flinkharness.samples;

import io.flinkharness.env.RemoteEnvironment;
import io.flinkharness.env.local.LocalProcessCluster;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same YAML samples as {@link SampleCasesTest}, unchanged, on the {@code remote} environment: a Kafka broker
 * and a Flink standalone session cluster (JobManager, TaskManager, SQL Gateway) and a schema registry, each a
 * process of its own on 127.0.0.1, reached only through their addresses. Runs alone: six JVMs are enough for two
 * cores.
 */
@Isolated
class SampleCasesOnRemoteTest {
    private static LocalProcessCluster cluster;
    private static RemoteEnvironment env;
    private static CaseRunner runner;

    @BeforeAll
    static void connect() {
        cluster = LocalProcessCluster.start(Duration.ofMinutes(3));
        cluster.startSchemaRegistry();
        env = RemoteEnvironment.connect(cluster.remoteSettings());
        runner = CaseRunner.on(env);
    }

    @AfterAll
    static void stop() {
        try (LocalProcessCluster c = cluster; RemoteEnvironment e = env; CaseRunner r = runner) {
            // closed in reverse order
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.flinkharness.samples.SampleCasesTest#samples")
    void passesOnRemote(SqlCase sample) {
        runner.run(sample).assertPassed();
    }
}
