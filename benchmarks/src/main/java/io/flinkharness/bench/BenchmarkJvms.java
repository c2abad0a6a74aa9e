package io.flinkharness.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a benchmark's measured part in a fresh JVM on this classpath and collects what it reports: the child prints
 * {@code RESULT key=value} lines ({@link #report}); every other line is echoed indented.
 */
public final class BenchmarkJvms {
    private static final String RESULT = "RESULT ";

    private BenchmarkJvms() {
    }

    /** Runs {@code main} with {@code args} in a new JVM with {@code options}; returns its results in report order. */
    public static Map<String, Double> run(List<String> options, Class<?> main, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Double> result = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    String[] kv = line.substring(RESULT.length()).split("=");
                    result.put(kv[0], Double.parseDouble(kv[1]));
                } else {
                    System.out.println("  | " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("benchmark child JVM exited with " + exit);
        }
        return result;
    }

    /** In a child JVM: one result for the parent. */
    public static void report(String key, double value) {
        System.out.println(RESULT + key + "=" + value);
    }

    public static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
