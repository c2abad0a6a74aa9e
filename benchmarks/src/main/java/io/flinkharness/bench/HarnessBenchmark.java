package io.flinkharness.bench;

import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.env.RemoteEnvironment;
import io.flinkharness.env.local.LocalProcessCluster;
import io.flinkharness.run.RunnerSettings;
import java.time.Duration;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Start-up and per-case latency of the embedded environment, or of the remote environment on a
 * {@link LocalProcessCluster} ({@code --env remote}), as medians over several runs. Every run is a
 * fresh JVM (so "JVM start to first result" is real), which:
 * <ol>
 *   <li>starts the embedded environment (Kafka ready, Flink + gateway ready, both ready);</li>
 *   <li>runs the TUMBLE workload once (the first case of the JVM) and notes the time since JVM start;</li>
 *   <li>runs it {@code --warm-cases} more times and notes each phase: produce, ddl, submit, job, read;</li>
 *   <li>reports its peak resident memory.</li>
 * </ol>
 * Every case is checked against rows computed by the workload; a wrong result fails the benchmark.
 *
 * <pre>benchmarks/run.sh --runs 5 --warm-cases 10 --records 1000</pre>
 */
@Command(name = "harness-benchmark", mixinStandardHelpOptions = true,
        description = "Start-up and per-case latency of the embedded environment, medians over fresh JVMs.")
public final class HarnessBenchmark implements Callable<Integer> {
    @Option(names = "--runs", description = "fresh JVMs to measure (default: ${DEFAULT-VALUE})")
    int runs = 5;

    @Option(names = "--warm-cases", description = "cases per JVM after the first (default: ${DEFAULT-VALUE})")
    int warmCases = 10;

    @Option(names = "--records", description = "input records per case (default: ${DEFAULT-VALUE})")
    int records = 1000;

    @Option(names = "--jvm-options", description = "options for the measured JVMs (default: '${DEFAULT-VALUE}',"
            + " as the CLI launcher and the build's tests use; give '' for the JVM's defaults)")
    String jvmOptions = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m";

    @Option(names = "--checkpoint-interval-ms", description = "checkpoint interval of the cases (default: ${DEFAULT-VALUE})")
    long checkpointIntervalMs = RunnerSettings.defaults().checkpointInterval().toMillis();

    @Option(names = "--cds", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "map a class-data sharing archive made by an unmeasured first JVM, as the CLI launcher"
                    + " does (default: ${DEFAULT-VALUE})")
    boolean cds;

    @Option(names = "--env", description = "embedded, or remote: a LocalProcessCluster (Kafka broker, JobManager,"
            + " TaskManager, SQL Gateway processes) reached through the remote environment (default: ${DEFAULT-VALUE})")
    String environment = "embedded";

    @Option(names = "--child", hidden = true)
    boolean child;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HarnessBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (child) {
            child();
        } else {
            parent();
        }
        return 0;
    }

    private void parent() throws Exception {
        List<String> options = new ArrayList<>();
        if (!jvmOptions.isBlank()) {
            options.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
        }
        Path archive = Files.createTempFile("harness-benchmark-", ".jsa");
        try {
            if (cds) {
                Files.delete(archive);
                List<String> training = new ArrayList<>(options);
                training.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-XX:ArchiveClassesAtExit=" + archive));
                System.out.println("training run (not measured) to write the class-data sharing archive " + archive);
                runChild(training, 1);
                options.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-XX:SharedArchiveFile=" + archive,
                        "-Xshare:auto"));
            }
            measure(options);
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private void measure(List<String> options) throws Exception {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            Map<String, Double> result = runChild(options, warmCases);
            System.out.printf("run %d: %s%n", run, result);
            result.forEach((k, v) -> samples.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        System.out.printf("%nmedians over %d runs (%d records per case, %d warm cases per run, %d cores,"
                + " checkpoint interval %d ms, JVM options '%s', class-data sharing %s, environment %s)%n", runs, records,
                warmCases, Runtime.getRuntime().availableProcessors(), checkpointIntervalMs, jvmOptions, cds ? "on" : "off",
                environment);
        samples.forEach((k, v) -> System.out.printf("  %-28s %8.0f%n", k, median(v)));
    }

    private Map<String, Double> runChild(List<String> options, int cases) throws Exception {
        return BenchmarkJvms.run(options, HarnessBenchmark.class, List.of("--child", "--records", String.valueOf(records),
                "--warm-cases", String.valueOf(cases), "--checkpoint-interval-ms", String.valueOf(checkpointIntervalMs),
                "--env", environment));
    }

    private void child() throws IOException {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        RunnerSettings settings = RunnerSettings.defaults().withCheckpointInterval(Duration.ofMillis(checkpointIntervalMs));
        LocalProcessCluster cluster = null;
        if (environment.equals("remote")) {
            long clusterStart = System.nanoTime();
            cluster = LocalProcessCluster.start(Duration.ofMinutes(3));
            report("cluster.start_ms", (System.nanoTime() - clusterStart) / 1_000_000.0);
        }
        try (LocalProcessCluster processes = cluster;
             FlinkKafkaEnvironment env = start(processes);
             CaseRunner runner = CaseRunner.on(env, settings)) {
            report("jvm_to_env_ready_ms", System.currentTimeMillis() - jvmStart);
            CaseResult first = check(runner.run(TumbleWorkload.build(records, 0)));
            report("jvm_to_first_result_ms", System.currentTimeMillis() - jvmStart);
            report("first_case_ms", first.elapsed().toMillis());
            report("first.submit_ms", first.timings().submit().toMillis());
            report("first.job_finished_ms", first.timings().job().toMillis());
            Map<String, List<Double>> warm = new LinkedHashMap<>();
            for (int i = 1; i <= warmCases; i++) {
                SqlCase workload = TumbleWorkload.build(records, i);
                long cpuBefore = processCpuNanos();
                long wallBefore = System.nanoTime();
                CaseResult r = check(runner.run(workload));
                add(warm, "warm.wall_per_case_ms", (System.nanoTime() - wallBefore) / 1_000_000.0);
                add(warm, "warm.process_cpu_ms", (processCpuNanos() - cpuBefore) / 1_000_000.0);
                add(warm, "warm.case_ms", r.elapsed().toMillis());
                add(warm, "warm.produce_ms", r.timings().produce().toMillis());
                add(warm, "warm.ddl_ms", r.timings().ddl().toMillis());
                add(warm, "warm.submit_ms", r.timings().submit().toMillis());
                add(warm, "warm.job_finished_ms", r.timings().job().toMillis());
                add(warm, "warm.output_visible_ms", r.timings().read().toMillis());
            }
            warm.forEach((k, v) -> report(k, median(v)));
            report("peak_rss_mib", peakRssMib());
        }
    }

    /** The embedded environment, or the remote one on the cluster; reports how long it took to be ready. */
    private static FlinkKafkaEnvironment start(LocalProcessCluster cluster) {
        if (cluster != null) {
            long connect = System.nanoTime();
            RemoteEnvironment remote = RemoteEnvironment.connect(cluster.remoteSettings());
            report("env.ready_ms", (System.nanoTime() - connect) / 1_000_000.0);
            return remote;
        }
        EmbeddedEnvironment env = EmbeddedEnvironment.start();
        EmbeddedEnvironment.StartTimes start = env.startTimes();
        report("env.kafka_ready_ms", start.kafka().toMillis());
        report("env.flink_gateway_ready_ms", start.flink().toMillis());
        report("env.ready_ms", start.total().toMillis());
        return env;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static CaseResult check(CaseResult result) {
        if (!result.passed()) {
            throw new IllegalStateException("benchmark case did not pass: " + result.message());
        }
        return result;
    }

    private static void add(Map<String, List<Double>> samples, String key, double value) {
        samples.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    private static void report(String key, double value) {
        BenchmarkJvms.report(key, value);
    }

    private static double median(List<Double> values) {
        return BenchmarkJvms.median(values);
    }

    /** Peak resident set size of this process (VmHWM), or -1 where /proc is not available. */
    private static double peakRssMib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }
}
