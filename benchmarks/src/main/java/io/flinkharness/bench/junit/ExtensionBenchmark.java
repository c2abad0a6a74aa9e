package io.flinkharness.bench.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.flinkharness.bench.BenchmarkJvms;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the JUnit extension costs a user, in fresh JVMs that run {@link Fixtures} on the JUnit Platform:
 * <ul>
 *   <li>JVM start to the first test started (the environment starts before it, in the class's {@code beforeAll});</li>
 *   <li>per-test overhead: an empty test with two declared topics and a DDL script, minus the same empty test
 *       without the extension (JUnit's own cost);</li>
 *   <li>for a bounded TUMBLE test, the test's whole time minus the time its SQL took (produce, run, read).</li>
 * </ul>
 *
 * <pre>benchmarks/run.sh junit --runs 3</pre>
 */
@Command(name = "extension-benchmark", mixinStandardHelpOptions = true,
        description = "JVM start to first test, and per-test overhead, of the JUnit extension.")
public final class ExtensionBenchmark implements Callable<Integer> {
    @Option(names = "--runs", description = "fresh JVMs to measure (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--jvm-options", description = "options for the measured JVMs (default: '${DEFAULT-VALUE}',"
            + " as the build's tests use; give '' for the JVM's defaults)")
    String jvmOptions = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m";

    @Option(names = "--child", hidden = true)
    boolean child;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExtensionBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (child) {
            return child();
        }
        List<String> options = jvmOptions.isBlank() ? List.of() : Arrays.asList(jvmOptions.trim().split("\\s+"));
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            Map<String, Double> result = BenchmarkJvms.run(options, ExtensionBenchmark.class, List.of("--child"));
            System.out.printf("run %d: %s%n", run, result);
            result.forEach((k, v) -> samples.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        System.out.printf("%nmedians over %d fresh JVMs (%d cores, JVM options '%s'; %d empty tests, %d SQL tests of"
                + " %d records per JVM)%n", runs, Runtime.getRuntime().availableProcessors(), jvmOptions,
                Fixtures.REPETITIONS, Fixtures.SQL_REPETITIONS, Fixtures.RECORDS);
        samples.forEach((k, v) -> System.out.printf("  %-36s %8.1f%n", k, BenchmarkJvms.median(v)));
        return 0;
    }

    private int child() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, List<Double>> durations = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        long[] firstTest = {0};
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    long now = System.nanoTime();
                    if (firstTest[0] == 0) {
                        firstTest[0] = System.currentTimeMillis();
                    }
                    started.put(id.getUniqueId(), now);
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse(""));
                }
                if (id.isTest()) {
                    double ms = (System.nanoTime() - started.get(id.getUniqueId())) / 1e6;
                    String fixture = id.getUniqueId().replaceAll(".*\\$([A-Za-z]+)].*", "$1");
                    durations.computeIfAbsent(fixture, k -> new ArrayList<>()).add(ms);
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Fixtures.Empty.class), selectClass(Fixtures.Plain.class),
                        selectClass(Fixtures.Sql.class))
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .build();
        LauncherFactory.create().execute(request, listener);
        if (!failures.isEmpty()) {
            System.err.println("benchmark tests failed: " + failures);
            return 1;
        }
        List<Double> empty = durations.get("Empty");
        List<Double> plain = durations.get("Plain");
        List<Double> sql = durations.get("Sql");
        BenchmarkJvms.report("jvm_start_to_first_test_started_ms", firstTest[0] - jvmStart);
        BenchmarkJvms.report("first_test_with_extension_ms", empty.get(0));
        BenchmarkJvms.report("empty_test_with_extension_ms", BenchmarkJvms.median(empty.subList(1, empty.size())));
        BenchmarkJvms.report("empty_test_plain_junit_ms", BenchmarkJvms.median(plain));
        BenchmarkJvms.report("extension_overhead_per_test_ms", BenchmarkJvms.median(empty.subList(1, empty.size()))
                - BenchmarkJvms.median(plain));
        List<Double> overhead = new ArrayList<>();
        for (int i = 0; i < sql.size(); i++) {
            overhead.add(sql.get(i) - Fixtures.SQL_MILLIS.get(i));
        }
        BenchmarkJvms.report("sql_test_total_ms", BenchmarkJvms.median(sql));
        BenchmarkJvms.report("sql_test_own_sql_ms", BenchmarkJvms.median(Fixtures.SQL_MILLIS));
        BenchmarkJvms.report("sql_test_overhead_ms", BenchmarkJvms.median(overhead));
        return 0;
    }
}
