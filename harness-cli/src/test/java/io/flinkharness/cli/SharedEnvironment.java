package io.flinkharness.cli;

import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.registry.SchemaRegistryClient;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One embedded environment for all tests of a class: {@link #get()} starts it on first use and hands out views
 * whose {@code close()} only counts, so every run of the command can close "its" environment while the real
 * one is closed once, by {@link #close()}.
 */
final class SharedEnvironment implements Supplier<FlinkKafkaEnvironment>, AutoCloseable {
    private EmbeddedEnvironment env;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    @Override
    public synchronized FlinkKafkaEnvironment get() {
        if (env == null) {
            env = EmbeddedEnvironment.start();
        }
        started.incrementAndGet();
        return new FlinkKafkaEnvironment() {
            @Override
            public String kafkaBootstrapServers() {
                return env.kafkaBootstrapServers();
            }

            @Override
            public URI sqlGatewayUri() {
                return env.sqlGatewayUri();
            }

            @Override
            public URI flinkRestUri() {
                return env.flinkRestUri();
            }

            @Override
            public SchemaRegistryClient schemaRegistry() {
                return env.schemaRegistry();
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    /** How many times a command asked for an environment. */
    int started() {
        return started.get();
    }

    /** How many times a command closed the environment it was given. */
    int closed() {
        return closed.get();
    }

    @Override
    public synchronized void close() {
        if (env != null) {
            env.close();
        }
    }
}
