package io.flinkharness;

import io.flinkharness.env.EmbeddedEnvironment;

/**
 * One embedded environment for the test classes of this module that only need a working environment (not its
 * start or stop): started by the first that asks, stopped when the test JVM exits. Saves a Kafka + Flink start
 * per class.
 */
public final class SharedTestEnvironment {
    private static EmbeddedEnvironment env;

    private SharedTestEnvironment() {
    }

    public static synchronized EmbeddedEnvironment get() {
        if (env == null) {
            env = EmbeddedEnvironment.start();
            Runtime.getRuntime().addShutdownHook(new Thread(env::close, "shared-test-environment-stop"));
        }
        return env;
    }
}
