package io.flinkharness;

import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.run.CaseRunner;

/**
 * One embedded environment for the test classes of this module that only need a working environment (not its
 * start or stop): started by the first that asks, stopped when the test JVM exits. Saves a Kafka + Flink start
 * per class.
 */
public final class SharedTestEnvironment {
    private static EmbeddedEnvironment env;
    private static CaseRunner runner;

    private SharedTestEnvironment() {
    }

    public static synchronized EmbeddedEnvironment get() {
        if (env == null) {
            env = EmbeddedEnvironment.start();
            Runtime.getRuntime().addShutdownHook(new Thread(env::close, "shared-test-environment-stop"));
        }
        return env;
    }

    /** A runner with default settings on the shared environment, closed with it. */
    public static synchronized CaseRunner runner() {
        if (runner == null) {
            runner = CaseRunner.on(get());
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "shared-test-runner-stop"));
        }
        return runner;
    }
}
