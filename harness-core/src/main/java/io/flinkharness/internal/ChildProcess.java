package io.flinkharness.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process whose output (stdout and stderr together) goes to a log file, with its last lines kept in
 * memory for error messages. {@link #close()} kills it and its descendants and waits for them;
 * {@link #closePolitely} asks first, for a process that has something to write on its way out. A shutdown hook
 * kills it if this JVM exits while it runs. Not part of the public API.
 */
public final class ChildProcess implements AutoCloseable {
    private static final int TAIL_LINES = 40;
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread pump;
    private final Thread shutdownHook;
    private boolean closed;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pump = new Thread(this::pumpOutput, "flink-harness-" + name + "-output");
        this.pump.setDaemon(true);
        this.shutdownHook = new Thread(() -> stop(Duration.ZERO), "flink-harness-" + name + "-stop");
    }

    /**
     * Starts {@code command} in {@code workDirectory}, its output appended to {@code logFile}.
     *
     * @param name a short name for thread names and messages ("apicurio-registry")
     */
    public static ChildProcess start(String name, List<String> command, Path workDirectory, Path logFile) {
        return start(name, command, java.util.Map.of(), workDirectory, logFile);
    }

    /** As {@link #start(String, List, Path, Path)}, with these environment variables added. */
    public static ChildProcess start(String name, List<String> command, java.util.Map<String, String> environment,
                                     Path workDirectory, Path logFile) {
        Process process;
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
        ChildProcess child = new ChildProcess(name, process, logFile);
        child.pump.start();
        Runtime.getRuntime().addShutdownHook(child.shutdownHook);
        return child;
    }

    private void pumpOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                log.write(line);
                log.newLine();
                log.flush();
                remember(line);
            }
        } catch (IOException e) {
            remember("[harness: output of " + name + " no longer readable: " + e.getMessage() + "]");
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * The last lines of output, indented for a message. Waits briefly for the output of a process that has
     * ended to be read to its end.
     */
    public String lastLines() {
        if (!process.isAlive()) {
            join(pump, 2_000);
        }
        List<String> lines;
        synchronized (this) {
            lines = new ArrayList<>(tail);
        }
        return lines.isEmpty() ? "  (no output)" : "  " + String.join("\n  ", lines);
    }

    /** Kills the process and its descendants and waits for them to end; safe to call twice. */
    @Override
    public void close() {
        closePolitely(Duration.ZERO);
    }

    /**
     * Asks the process and its descendants to stop (SIGTERM), kills what still runs after {@code wait}, and waits
     * for them to end; safe to call twice.
     */
    public synchronized void closePolitely(Duration wait) {
        if (closed) {
            return;
        }
        closed = true;
        stop(wait);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs or has run, which stops the process as well
        }
        // the output ends with the process; seldom, reading its last bytes takes a while: don't wait for that
        join(pump, 500);
    }

    private void stop(Duration politeWait) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (!politeWait.isZero()) {
            process.destroy();
            descendants.forEach(ProcessHandle::destroy);
            awaitExit(process.onExit(), System.nanoTime() + politeWait.toNanos());
        }
        // does nothing to a process that has ended
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        awaitExit(process.onExit(), deadline);
        descendants.forEach(d -> awaitExit(d.onExit(), deadline));
    }

    private static boolean awaitExit(CompletableFuture<?> exit, long deadlineNanos) {
        try {
            exit.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void join(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
