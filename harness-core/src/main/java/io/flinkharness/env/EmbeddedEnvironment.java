package io.flinkharness.env;

import io.flinkharness.env.internal.EmbeddedFlink;
import io.flinkharness.env.internal.EmbeddedKafka;
import io.flinkharness.registry.EmbeddedSchemaRegistry;
import io.flinkharness.registry.SchemaRegistryClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The default environment: a real Kafka broker (KRaft) and a real Flink session cluster with a real SQL Gateway,
 * all inside this JVM and bound to 127.0.0.1. Kafka and Flink start in parallel. Start it once and share it between many cases; close it to stop everything and delete
 * the broker's storage.
 *
 * <pre>{@code
 * try (EmbeddedEnvironment env = EmbeddedEnvironment.start()) {
 *     System.out.println(env.kafkaBootstrapServers() + " " + env.sqlGatewayUri());
 * }
 * }</pre>
 */
public final class EmbeddedEnvironment implements FlinkKafkaEnvironment {
    private final EmbeddedKafka kafka;
    private final EmbeddedFlink flink;
    private final StartTimes startTimes;
    private EmbeddedSchemaRegistry registry;
    private boolean closed;

    /**
     * When each part was ready, counted from the call to {@link #start}.
     *
     * @param kafka the broker answered a metadata request
     * @param flink the MiniCluster and the SQL Gateway were up
     * @param total everything was ready
     */
    public record StartTimes(Duration kafka, Duration flink, Duration total) {
    }

    private EmbeddedEnvironment(EmbeddedKafka kafka, EmbeddedFlink flink, StartTimes startTimes) {
        this.kafka = kafka;
        this.flink = flink;
        this.startTimes = startTimes;
    }

    public static EmbeddedEnvironment start() {
        return start(EmbeddedSettings.defaults());
    }

    /**
     * Starts Kafka and Flink in parallel and returns when both are ready.
     *
     * @throws EnvironmentStartException naming the part that failed; the other part is stopped first
     */
    public static EmbeddedEnvironment start(EmbeddedSettings settings) {
        long begin = System.nanoTime();
        Duration[] ready = {Duration.ZERO, Duration.ZERO};
        CompletableFuture<EmbeddedKafka> kafka = CompletableFuture.supplyAsync(
                () -> EmbeddedKafka.start(settings.startTimeout()), daemon("flink-harness-kafka-start"))
                .whenComplete((k, e) -> ready[0] = since(begin));
        CompletableFuture<EmbeddedFlink> flink = CompletableFuture.supplyAsync(
                () -> EmbeddedFlink.start(settings.taskSlots()), daemon("flink-harness-flink-start"))
                .whenComplete((f, e) -> ready[1] = since(begin));
        try {
            CompletableFuture.allOf(kafka, flink).get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new EmbeddedEnvironment(kafka.join(), flink.join(),
                    new StartTimes(ready[0], ready[1], since(begin)));
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            // closes a part that has started now, and one still starting as soon as it has
            kafka.thenAccept(EmbeddedKafka::close);
            flink.thenAccept(EmbeddedFlink::close);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            String what = e instanceof TimeoutException ? "not ready within " + settings.startTimeout()
                    : String.valueOf(cause.getMessage());
            throw new EnvironmentStartException("embedded Kafka + Flink environment did not start: " + what, cause);
        }
    }

    private static Duration since(long begin) {
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    private static java.util.concurrent.Executor daemon(String name) {
        return command -> {
            Thread t = new Thread(command, name);
            t.setDaemon(true);
            t.start();
        };
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public URI sqlGatewayUri() {
        return flink.sqlGatewayUri();
    }

    @Override
    public URI flinkRestUri() {
        return flink.flinkRestUri();
    }

    /** The Kafka broker's storage directory; it is deleted on {@link #close()}. */
    public java.nio.file.Path kafkaStorage() {
        return kafka.storage();
    }

    /** How long {@link #start} took until Kafka, Flink and the gateway were ready. */
    public Duration startTime() {
        return startTimes.total();
    }

    /** When each part was ready. */
    public StartTimes startTimes() {
        return startTimes;
    }

    /**
     * A schema registry (Apicurio Registry in a child JVM on 127.0.0.1), started on the first call (a few
     * seconds) and stopped with the environment.
     */
    @Override
    public synchronized SchemaRegistryClient schemaRegistry() {
        if (closed) {
            throw new IllegalStateException("the environment is closed");
        }
        if (registry == null) {
            registry = EmbeddedSchemaRegistry.start();
        }
        return registry.client();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (EmbeddedSchemaRegistry r = registry; kafka; flink) {
            // Flink first (reverse order), so no job still writes to the broker while it stops
        }
    }

    @Override
    public String logLocation() {
        return "this JVM's log output (the embedded Kafka broker and Flink cluster log through SLF4J, e.g. Maven"
                + " Surefire's target/surefire-reports/*-output.txt)";
    }

    @Override
    public String toString() {
        return "EmbeddedEnvironment[kafka=" + kafkaBootstrapServers() + ", gateway=" + sqlGatewayUri()
                + ", flink=" + flinkRestUri() + "]";
    }
}
