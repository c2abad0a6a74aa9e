package io.flinkharness.registry.internal;

import io.flinkharness.internal.ChildProcess;
import io.flinkharness.env.internal.FreePorts;
import io.flinkharness.env.internal.TempDirectory;
import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.internal.Poll;
import io.flinkharness.internal.RestCallException;
import io.flinkharness.internal.RestJson;
import io.flinkharness.internal.ServiceUnreachableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Apicurio Registry JVM on one port of 127.0.0.1, with in-memory storage, a run directory (its log and
 * temporary files) under the cache directory, and a readiness wait on its Confluent-compatible API. A failed
 * start stops the process, keeps its log as {@value #FAILURE_LOG} and deletes the run directory. Not part of the
 * public API.
 */
public final class RegistryProcess implements AutoCloseable {
    public static final String API_PATH = "/apis/ccompat/v7";
    public static final String FAILURE_LOG = "apicurio-registry-last-failed-start.log";
    private static final String NAME = "Apicurio Registry";
    private static final Duration ARCHIVE_WRITE_WAIT = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of(
            // C1 only, serial GC, class-data sharing: the registry starts sooner and needs no more
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m");

    private final ChildProcess process;
    private final TempDirectory runDirectory;
    private final URI url;
    private final Optional<ClassDataArchive> archive;

    private RegistryProcess(ChildProcess process, TempDirectory runDirectory, URI url,
                            Optional<ClassDataArchive> archive) {
        this.process = process;
        this.runDirectory = runDirectory;
        this.url = url;
        this.archive = archive;
    }

    /**
     * Starts the registry's runner jar on a free port and waits until its API answers.
     *
     * @param archive the class-data archive to map (or record), if any
     * @return empty if another process took the port between choosing and binding it: try again
     * @throws IllegalStateException if the process exits early or does not answer within {@code timeout}, with
     *     its exit code or last state and its last log lines; the process is stopped first
     */
    public static Optional<RegistryProcess> launch(Path runner, Path cacheDirectory, Duration timeout,
                                                   Optional<ClassDataArchive> archive) {
        int port = FreePorts.next();
        URI url = URI.create("http://127.0.0.1:" + port + API_PATH);
        TempDirectory runDirectory = runDirectory(cacheDirectory);
        Path failureLog = cacheDirectory.resolve(FAILURE_LOG);
        ChildProcess process = null;
        try {
            List<String> options = archive.map(a -> a.jvmOptions(runDirectory.path())).orElse(List.of());
            process = ChildProcess.start("apicurio-registry", command(runner, port, runDirectory.path(), options),
                    runDirectory.path(), runDirectory.path().resolve("registry.log"));
            awaitReady(process, url, timeout, failureLog);
            return Optional.of(new RegistryProcess(process, runDirectory, url, archive));
        } catch (PortTakenException e) {
            process.close();
            runDirectory.close();
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

    private static List<String> command(Path runner, int port, Path runDirectory, List<String> archiveOptions) {
        Path tmp = runDirectory.resolve("tmp");
        createDirectories(tmp);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(archiveOptions);
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
                    lastSeen.set("no answer (" + e.reason() + ")");
                } catch (RestCallException e) {
                    lastSeen.set("HTTP " + e.status());
                }
                return Optional.empty();
            }, lastSeen::get);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(e.getMessage() + " — raise EmbeddedRegistrySettings.withStartTimeout if"
                    + " the machine is busy; last lines of its log (kept in " + failureLog + "):\n"
                    + process.lastLines(), e);
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

    /** Keeps the log of a failed start, replacing the one kept before; the run directory goes. */
    private static void keepLog(Path log, Path failureLog) {
        try {
            Files.move(log, failureLog, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the message carries the last lines anyway
        }
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

    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    /**
     * Stops the process and waits for it, then deletes the run directory. A registry that records a class-data
     * archive is asked to stop, and given the time to write it; any other is killed at once, having nothing to
     * keep (its storage is in memory).
     */
    @Override
    public void close() {
        if (archive.isPresent() && archive.get().recordsInto(runDirectory.path())) {
            process.closePolitely(ARCHIVE_WRITE_WAIT);
            archive.get().keep(runDirectory.path(), process.exitCode());
        } else {
            process.close();
        }
        runDirectory.close();
    }

    /** The child lost its port to another process between choosing and binding it. */
    private static final class PortTakenException extends RuntimeException {
        PortTakenException() {
            super("port taken", null, false, false);
        }
    }
}
