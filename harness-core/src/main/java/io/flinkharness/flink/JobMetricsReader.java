package io.flinkharness.flink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the metrics that say where a job stands out of the hundreds a vertex has, by their Flink names:
 * {@code 0.Source__clicks[1].split.clicks-3f2a-1.watermark.currentWatermark},
 * {@code 0.GlobalWindowAggregate[4].currentInputWatermark}, {@code 0.GlobalWindowAggregate[4].numLateRecordsDropped},
 * {@code 0.Source__clicks[1].numRecordsIn}.
 */
final class JobMetricsReader {
    private static final Pattern SPLIT_WATERMARK = Pattern.compile(
            "(\\d+)\\.(.+)\\.split\\.(.+)-(\\d+)\\.watermark\\.currentWatermark");
    private static final Pattern OPERATOR_WATERMARK = Pattern.compile("(\\d+)\\.([^.]+)\\.currentInputWatermark");
    private static final Pattern LATE_DROPS = Pattern.compile("(\\d+)\\.([^.]+)\\.numLateRecordsDropped");
    private static final Pattern SOURCE_RECORDS_IN = Pattern.compile("(\\d+)\\.(Source__[^.]+)\\.numRecordsIn");
    /** Task time gauges grow with wall time: a snapshot with a larger sum is a newer one. */
    private static final Pattern TASK_TIME = Pattern.compile("(\\d+)\\.accumulate(Idle|Busy|BackPressured)TimeMs");
    private static final List<Pattern> WANTED = List.of(SPLIT_WATERMARK, OPERATOR_WATERMARK, LATE_DROPS,
            SOURCE_RECORDS_IN, TASK_TIME);

    private JobMetricsReader() {
    }

    /**
     * @param fetch for a vertex id and metric names, their values; for no names, every metric name of the vertex
     */
    static JobMetrics read(String jobId, JobOverview job, BiFunction<String, List<String>, Map<String, String>> fetch) {
        List<JobMetrics.SplitWatermark> splits = new ArrayList<>();
        List<JobMetrics.OperatorWatermark> operators = new ArrayList<>();
        List<JobMetrics.LateDrops> drops = new ArrayList<>();
        List<JobMetrics.SourceInput> inputs = new ArrayList<>();
        Map<String, Long> taskTime = new java.util.LinkedHashMap<>();
        for (JobOverview.Vertex vertex : job.vertices()) {
            List<String> names = fetch.apply(vertex.id(), List.of()).keySet().stream()
                    .filter(name -> WANTED.stream().anyMatch(p -> p.matcher(name).matches())).sorted().toList();
            if (names.isEmpty()) {
                continue;
            }
            Map<String, String> values = fetch.apply(vertex.id(), names);
            values.forEach((name, value) -> {
                Matcher m;
                if ((m = SPLIT_WATERMARK.matcher(name)).matches()) {
                    splits.add(new JobMetrics.SplitWatermark(operatorName(m.group(2)), Integer.parseInt(m.group(1)),
                            m.group(3), Integer.parseInt(m.group(4)), watermark(value)));
                } else if ((m = OPERATOR_WATERMARK.matcher(name)).matches()) {
                    // operators chained to a source report their input watermark late or not at all
                    if (!vertex.name().startsWith("Source:")) {
                        operators.add(new JobMetrics.OperatorWatermark(vertex.name(), operatorName(m.group(2)),
                                Integer.parseInt(m.group(1)), watermark(value)));
                    }
                } else if ((m = LATE_DROPS.matcher(name)).matches()) {
                    drops.add(new JobMetrics.LateDrops(operatorName(m.group(2)), Integer.parseInt(m.group(1)),
                            number(value)));
                } else if ((m = TASK_TIME.matcher(name)).matches()) {
                    if (m.group(1).equals("0")) {
                        taskTime.merge(vertex.name(), Math.max(0, number(value)), Long::sum);
                    }
                } else if ((m = SOURCE_RECORDS_IN.matcher(name)).matches()) {
                    inputs.add(new JobMetrics.SourceInput(operatorName(m.group(2)), Integer.parseInt(m.group(1)),
                            number(value)));
                }
            });
        }
        return new JobMetrics(splits, operators, drops, inputs, taskTime, java.util.Set.of());
    }

    /** {@code Source__clicks[1]} is how Flink writes {@code Source: clicks[1]} in metric names. */
    private static String operatorName(String metricScope) {
        return metricScope.startsWith("Source__") ? "Source: " + metricScope.substring("Source__".length())
                : metricScope;
    }

    private static Optional<Instant> watermark(String value) {
        long millis = number(value);
        return millis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(value);
            } catch (NumberFormatException notANumber) {
                return Long.MIN_VALUE;
            }
        }
    }
}
