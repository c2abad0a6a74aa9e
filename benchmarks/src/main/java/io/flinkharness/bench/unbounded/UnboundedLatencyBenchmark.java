package io.flinkharness.bench.unbounded;

import io.flinkharness.env.EmbeddedEnvironment;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How long an unbounded test waits for a window: from Kafka acknowledging the heartbeats that close it to its row
 * being visible read_committed ({@link io.flinkharness.run.VisibleOutput#sinceLastInput()}), per checkpoint
 * interval. One embedded environment; per interval a runner, one running TUMBLE job (exactly-once Kafka sink,
 * source of {@code --partitions} partitions with a watermark on every record), a few warm-up windows, then
 * {@code --windows} measured ones, each checked against the expected counts. Prints median, p90, min and max
 * latency and the median number of checkpoints waited.
 *
 * <p>By default each window is closed as soon as the previous one is visible, as a step-by-step test does; since
 * the previous window became visible right after a checkpoint, that send lands early in the checkpoint interval.
 * {@code --random-phase} sends it at a random point of the interval instead.
 *
 * <pre>benchmarks/run.sh unbounded --checkpoint-intervals-ms 100,500,1000 --windows 20</pre>
 */
@Command(name = "unbounded-latency-benchmark", mixinStandardHelpOptions = true,
        description = "Latency from closing a window to its row visible read_committed, per checkpoint interval.")
public final class UnboundedLatencyBenchmark implements Callable<Integer> {
    @Option(names = "--checkpoint-intervals-ms", split = ",",
            description = "checkpoint intervals to measure, one runner each (default: ${DEFAULT-VALUE})")
    List<Long> checkpointIntervalsMs = List.of(100L, 500L, 1000L);

    @Option(names = "--windows", description = "measured windows per interval (default: ${DEFAULT-VALUE})")
    int windows = 20;

    @Option(names = "--warm-up-windows", description = "windows per interval before measuring (default: ${DEFAULT-VALUE})")
    int warmUpWindows = 3;

    @Option(names = "--records-per-window", description = "clicks per window (default: ${DEFAULT-VALUE})")
    int recordsPerWindow = 10;

    @Option(names = "--partitions", description = "partitions of the source topic (default: ${DEFAULT-VALUE})")
    int partitions = 2;

    @Option(names = "--random-phase", description = "close each window at a random point of the checkpoint interval"
            + " instead of right after the previous window became visible (default: ${DEFAULT-VALUE})")
    boolean randomPhase;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new UnboundedLatencyBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        validate();
        printMachineAndSettings();
        List<LatencySamples> results = new ArrayList<>();
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start()) {
            System.out.printf("environment ready in %d ms%n", env.startTimes().total().toMillis());
            IntervalRun run = new IntervalRun(env, partitions, recordsPerWindow, warmUpWindows, windows, randomPhase);
            for (long ms : checkpointIntervalsMs) {
                long start = System.nanoTime();
                LatencySamples samples = run.measure(Duration.ofMillis(ms));
                System.out.printf("checkpoint interval %d ms: %d windows measured (%d warm-up) in %.1f s%n", ms,
                        windows, warmUpWindows, (System.nanoTime() - start) / 1e9);
                results.add(samples);
            }
        }
        printSummary(results);
        System.out.printf("%nload average at the end: %s%n", loadAverage());
        return 0;
    }

    private void validate() {
        if (checkpointIntervalsMs.isEmpty() || checkpointIntervalsMs.stream().anyMatch(ms -> ms < 1)) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-intervals-ms: give positive intervals in"
                    + " milliseconds, e.g. 100,500,1000; got " + checkpointIntervalsMs);
        }
        positive("--windows", windows, 1);
        positive("--warm-up-windows", warmUpWindows, 0);
        positive("--records-per-window", recordsPerWindow, 1);
        positive("--partitions", partitions, 1);
    }

    private void positive(String option, int value, int least) {
        if (value < least) {
            throw new ParameterException(spec.commandLine(), option + ": must be at least " + least + ", got " + value);
        }
    }

    private void printMachineAndSettings() {
        Runtime rt = Runtime.getRuntime();
        System.out.printf("machine: %d cores, %s %s %s, Java %s (%s), max heap %d MiB, load average %s%n",
                rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                rt.maxMemory() >> 20, loadAverage());
        System.out.printf("settings: TUMBLE %d s event-time windows, watermark delay 2 s emitted on every record,"
                + " source topic of %d partitions, %d clicks per window, exactly-once Kafka sink, parallelism 1;"
                + " per interval %d warm-up + %d measured windows; each window closed %s%n",
                ClickWindows.WINDOW.toSeconds(), partitions, recordsPerWindow, warmUpWindows, windows,
                randomPhase ? "at a random point of the checkpoint interval"
                        : "as soon as the previous one was visible (back to back)");
        System.out.println("latency: from Kafka acknowledging the heartbeats (one per partition) that close a window"
                + " to its rows visible read_committed");
    }

    /** The system's 1-minute load average: other processes on the machine shift the figures. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format("%.2f", load);
    }

    private static void printSummary(List<LatencySamples> results) {
        System.out.printf("%n%-10s %8s %8s %8s %8s %8s %14s%n", "interval", "windows", "median", "p90", "min", "max",
                "checkpoints");
        for (LatencySamples s : results) {
            System.out.printf("%7d ms %8d %5d ms %5d ms %5d ms %5d ms %14s%n", s.checkpointInterval().toMillis(),
                    s.latencies().size(), s.median().toMillis(), s.p90().toMillis(), s.min().toMillis(),
                    s.max().toMillis(), s.medianCheckpoints() + " (median)");
        }
        System.out.println("\nper window, in order (latency ms / checkpoints):");
        for (LatencySamples s : results) {
            StringBuilder line = new StringBuilder(String.format("%7d ms:", s.checkpointInterval().toMillis()));
            for (int i = 0; i < s.latencies().size(); i++) {
                line.append(' ').append(s.latencies().get(i).toMillis()).append('/').append(s.checkpoints().get(i));
            }
            System.out.println(line);
        }
    }
}
