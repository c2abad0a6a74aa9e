package io.flinkharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.run.CaseRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class FlinkSqlExtensionTest {
    static final List<Object> SEEN = new ArrayList<>();

    @Test
    void sharesOneEnvironmentBetweenClassesAndGivesEachClassItsRunner() {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstFixture.class), selectClass(SecondFixture.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(SEEN).hasSize(6);
        FlinkKafkaEnvironment env = (FlinkKafkaEnvironment) SEEN.get(0);
        assertThat(SEEN.get(2)).isSameAs(env);
        assertThat(SEEN.get(4)).isSameAs(env);
        assertThat(SEEN.get(1)).as("same runner within a class").isSameAs(SEEN.get(3));
        assertThat(SEEN.get(5)).as("another class, another runner").isNotSameAs(SEEN.get(1));
        assertThat(((CaseRunner) SEEN.get(1))).isNotNull();
        assertThat(env.kafkaBootstrapServers()).startsWith("127.0.0.1:");
    }

    @FlinkSqlTest
    static class FirstFixture {
        @Test
        void one(FlinkKafkaEnvironment env, CaseRunner runner) {
            SEEN.add(env);
            SEEN.add(runner);
        }

        @Test
        void two(FlinkKafkaEnvironment env, CaseRunner runner) {
            SEEN.add(env);
            SEEN.add(runner);
        }
    }

    @FlinkSqlTest
    static class SecondFixture {
        @Test
        void three(FlinkKafkaEnvironment env, CaseRunner runner) {
            SEEN.add(env);
            SEEN.add(runner);
        }
    }
}
