package io.flinkharness.registry;

import io.flinkharness.env.EnvironmentStartException;
import io.flinkharness.env.internal.FreePorts;
import io.flinkharness.env.internal.TempDirectory;
import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.internal.Poll;
import io.flinkharness.internal.RestCallException;
import io.flinkharness.internal.RestJson;
import io.flinkharness.internal.ServiceUnreachableException;
import io.flinkharness.registry.internal.Artifacts;
import io.flinkharness.registry.internal.ChildProcess;
import io.flinkharness.registry.internal.DistributionCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

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
    private static final String NAME = "Apicurio Registry";
    private static final String API_PATH = "/apis/ccompat/v7";
    private static final int PORT_ATTEMPTS = 3;
    private static final String FAILURE_LOG = "apicurio-registry-last-failed-start.log";
    private static final List<String> JVM_OPTIONS = List.of(
            // C1 only, serial GC, class-data sharing: the registry starts a second sooner and needs no more
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m");

    private final ChildProcess process;
    private final TempDirectory runDirectory;
    private final URI url;
    private final Duration startTime;
    private final boolean extracted;
    private boolean closed;

    private EmbeddedSchemaRegistry(ChildProcess process, TempDirectory runDirectory, URI url, Duration startTime,
                                   boolean extracted) {
        this.process = process;
        this.runDirectory = runDirectory;
        this.url = url;
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
            for (int attempt = 1; ; attempt++) {
                Optional<EmbeddedSchemaRegistry> started = launch(runner, settings, begin, distribution.fresh());
                if (started.isPresent()) {
                    return started.get();
                }
                if (attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException("its port was taken by another process " + PORT_ATTEMPTS
                            + " times in a row");
                }
            }
        } catch (EnvironmentStartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EnvironmentStartException("embedded schema registry did not start: " + e.getMessage(), e);
        }
    }

    /** One start on a fresh port; empty if another process took the port first. */
    private static Optional<EmbeddedSchemaRegistry> launch(Path runner, EmbeddedRegistrySettings settings, long begin,
                                                           boolean extracted) {
        int port = FreePorts.next();
        URI url = URI.create("http://127.0.0.1:" + port + API_PATH);
        TempDirectory runDirectory = runDirectory(settings.cacheDirectory());
        Path failureLog = settings.cacheDirectory().resolve(FAILURE_LOG);
        ChildProcess process = null;
        try {
            process = ChildProcess.start("apicurio-registry", command(runner, port, runDirectory.path()),
                    runDirectory.path(), runDirectory.path().resolve("registry.log"));
            awaitReady(process, url, settings.startTimeout(), failureLog);
            return Optional.of(new EmbeddedSchemaRegistry(process, runDirectory, url,
                    Duration.ofNanos(System.nanoTime() - begin), extracted));
        } catch (PortTakenException e) {
            stop(process, runDirectory);
            return Optional.empty();
        } catch (RuntimeException e) {
            if (process != null) {
                process.close();
                keepLog(process.logFile(), failureLog);
            }
            runDirectory.close();
            throw e;
        }
    }

    /** Keeps the log of a failed start, replacing the one kept before: the run directory goes. */
    private static void keepLog(Path log, Path failureLog) {
        try {
            Files.move(log, failureLog, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the message carries the last lines anyway
        }
    }

    private static List<String> command(Path runner, int port, Path runDirectory) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path tmp = runDirectory.resolve("tmp");
        createDirectories(tmp);
        List<String> command = new java.util.ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + tmp,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-jar", runner.toString()));
        return command;
    }

    private static void awaitReady(ChildProcess process, URI url, Duration timeout, Path failureLog) {
        RestJson rest = new RestJson(NAME, Duration.ofSeconds(2));
        URI probe = URI.create(url + "/subjects");
        AtomicReference<String> lastSeen = new AtomicReference<>("no answer yet");
        try {
            Poll.until(NAME + " (pid " + process.pid() + ") to answer GET " + probe, timeout, () -> {
                if (!process.isAlive()) {
                    throw exitedEarly(process, probe, failureLog);
                }
                try {
                    rest.get(probe);
                    return Optional.of(Boolean.TRUE);
                } catch (ServiceUnreachableException e) {
                    lastSeen.set("no answer (" + SchemaRegistryClient.reason(e) + ")");
                } catch (RestCallException e) {
                    lastSeen.set("HTTP " + e.status());
                }
                return Optional.empty();
            }, lastSeen::get);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(e.getMessage() + " — raise EmbeddedRegistrySettings.withStartTimeout if"
                    + " the machine is busy; last lines of its log (kept in " + failureLog + "):\n" + process.lastLines(),
                    e);
        }
    }

    private static RuntimeException exitedEarly(ChildProcess process, URI probe, Path failureLog) {
        String lines = process.lastLines();
        if (lines.contains("Address already in use") || lines.contains("already bound")) {
            return new PortTakenException();
        }
        return new IllegalStateException(NAME + " (pid " + process.pid() + ") exited with code "
                + process.exitCode().orElse(-1) + " before it answered GET " + probe + "; last lines of its log"
                + " (kept in " + failureLog + "):\n" + lines);
    }

    private static TempDirectory runDirectory(Path cacheDirectory) {
        Path runs = cacheDirectory.resolve("runs");
        createDirectories(runs);
        return TempDirectory.create(runs, "apicurio-registry-");
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void stop(ChildProcess process, TempDirectory runDirectory) {
        if (process != null) {
            process.close();
        }
        runDirectory.close();
    }

    /** The base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public URI url() {
        return url;
    }

    /** A client of this registry. */
    public SchemaRegistryClient client() {
        return SchemaRegistryClient.connect(url);
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
        stop(process, runDirectory);
    }

    @Override
    public String toString() {
        return "EmbeddedSchemaRegistry[" + url + ", pid " + process.pid() + "]";
    }

    /** The child lost its port to another process between choosing and binding it. */
    private static final class PortTakenException extends RuntimeException {
        PortTakenException() {
            super("port taken", null, false, false);
        }
    }
}
