package io.flinkharness.registry;

import io.flinkharness.env.EnvironmentStartException;
import io.flinkharness.registry.internal.Artifacts;
import io.flinkharness.registry.internal.ClassDataArchive;
import io.flinkharness.registry.internal.DistributionCache;
import io.flinkharness.registry.internal.RegistryProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real schema registry for tests: Apicurio Registry with in-memory storage, run as a child JVM bound to
 * 127.0.0.1 on a free port. Its Confluent-compatible API is what Flink's {@code avro-confluent} format talks to.
 * The distribution is unzipped once into a cache directory and reused; each registry keeps its log there while
 * it runs (the log of the last failed start stays there as {@code apicurio-registry-last-failed-start.log}).
 * Close it to stop the process.
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
 *     int id = registry.client().register("orders-value", schemaJson);
 *     String tableOption = "'avro-confluent.url' = '" + registry.url() + "'";
 * }
 * }</pre>
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final int PORT_ATTEMPTS = 3;

    private final RegistryProcess process;
    private final Duration startTime;
    private final boolean extracted;
    private boolean closed;

    private EmbeddedSchemaRegistry(RegistryProcess process, Duration startTime, boolean extracted) {
        this.process = process;
        this.startTime = startTime;
        this.extracted = extracted;
    }

    public static EmbeddedSchemaRegistry start() {
        return start(EmbeddedRegistrySettings.defaults());
    }

    /**
     * Starts the registry and returns once its API answers.
     *
     * @throws EnvironmentStartException saying why (the distribution is missing, the process exited with its
     *     exit code and last log lines, or it did not answer in time); the process is stopped before this is thrown
     */
    public static EmbeddedSchemaRegistry start(EmbeddedRegistrySettings settings) {
        long begin = System.nanoTime();
        try {
            Path zip = settings.distribution().orElseGet(() -> Artifacts.locate(Artifacts.apicurioRegistry()));
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException("distribution " + zip + " is not a file — fix the path given to"
                        + " EmbeddedRegistrySettings.withDistribution");
            }
            DistributionCache.Extracted distribution = new DistributionCache(settings.cacheDirectory()).extract(zip);
            Path runner = DistributionCache.find(distribution.directory(), "-runner.jar", zip);
            Optional<ClassDataArchive> archive = settings.classDataSharing()
                    ? Optional.of(new ClassDataArchive(distribution.directory())) : Optional.empty();
            for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
                Optional<RegistryProcess> process = RegistryProcess.launch(runner, settings.cacheDirectory(),
                        settings.startTimeout(), archive);
                if (process.isPresent()) {
                    return new EmbeddedSchemaRegistry(process.get(), Duration.ofNanos(System.nanoTime() - begin),
                            distribution.fresh());
                }
            }
            throw new IllegalStateException("another process took its port " + PORT_ATTEMPTS + " times in a row");
        } catch (RuntimeException e) {
            throw new EnvironmentStartException("embedded schema registry did not start: " + e.getMessage(), e);
        }
    }

    /** The base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public URI url() {
        return process.url();
    }

    /** A client of this registry. */
    public SchemaRegistryClient client() {
        return SchemaRegistryClient.connect(url());
    }

    /** How long {@link #start} took, unzipping the distribution included when it did. */
    public Duration startTime() {
        return startTime;
    }

    /** Whether this start unzipped the distribution (the first start with a cache directory does). */
    public boolean extractedDistribution() {
        return extracted;
    }

    /** The registry's process id. */
    public long pid() {
        return process.pid();
    }

    /** The registry's log (stdout and stderr); deleted on {@link #close()}. */
    public Path logFile() {
        return process.logFile();
    }

    /** Stops the registry process and waits for it to end; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.close();
    }

    @Override
    public String toString() {
        return "EmbeddedSchemaRegistry[" + url() + ", pid " + pid() + "]";
    }
}
