package io.flinkharness.junit.internal;

import io.flinkharness.env.EnvironmentSettings;
import io.flinkharness.env.Environments;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.RunnerSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The environments of this JVM, started on first use and shared by every test execution that leases them (a test
 * run, and test kits run inside it); the last lease to close stops the environment. A start that failed is not
 * tried again in the same JVM: every later lease gets the same failure at once. Not part of the public API.
 */
public final class SharedEnvironments {
    private static final Map<String, Shared> SHARED = new HashMap<>();

    private SharedEnvironments() {
    }

    /** One environment, its runners by settings, and how many leases hold it. */
    private static final class Shared {
        final FlinkKafkaEnvironment env;
        final Map<RunnerSettings, CaseRunner> runners = new HashMap<>();
        int leases;

        Shared(FlinkKafkaEnvironment env) {
            this.env = env;
        }
    }

    private static final Map<String, RuntimeException> FAILED = new HashMap<>();

    /**
     * Leases the named environment, starting it if no lease holds it.
     *
     * @throws RuntimeException the start's failure, also for every later lease in this JVM
     */
    public static synchronized Lease acquire(EnvironmentChoice choice) {
        RuntimeException failed = FAILED.get(choice.name());
        if (failed != null) {
            throw failed;
        }
        Shared shared = SHARED.get(choice.name());
        if (shared == null) {
            try {
                shared = new Shared(start(choice));
            } catch (RuntimeException e) {
                FAILED.put(choice.name(), e);
                throw e;
            }
            SHARED.put(choice.name(), shared);
        }
        shared.leases++;
        return new Lease(choice.name(), shared);
    }

    private static FlinkKafkaEnvironment start(EnvironmentChoice choice) {
        try {
            return Environments.start(choice.name(), EnvironmentSettings.fromSystem());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment '" + choice.name() + "' (from " + choice.source() + "): "
                    + e.getMessage(), e);
        }
    }

    private static synchronized void release(String name, Shared shared) {
        if (--shared.leases > 0) {
            return;
        }
        SHARED.remove(name);
        try (FlinkKafkaEnvironment env = shared.env) {
            shared.runners.values().forEach(CaseRunner::close);
        }
    }

    /** A hold on a shared environment; closing it lets the environment stop once nothing else holds it. */
    @SuppressWarnings("deprecation")
    public static final class Lease implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final String name;
        private final Shared shared;
        private boolean closed;

        private Lease(String name, Shared shared) {
            this.name = name;
            this.shared = shared;
        }

        public FlinkKafkaEnvironment environment() {
            return shared.env;
        }

        /** The environment's runner with these settings, created on first use; thread-safe. */
        public CaseRunner runner(RunnerSettings settings) {
            synchronized (SharedEnvironments.class) {
                return shared.runners.computeIfAbsent(settings, s -> CaseRunner.on(shared.env, s));
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(name, shared);
            }
        }
    }
}
