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
 * {@code 0.Source__clicks[1].KafkaSourceReader.topic.clicks-3f2a.partition.0.currentOffset}.
 */
final class JobMetricsReader {
    private static final Pattern SPLIT_WATERMARK = Pattern.compile(
            "(\\d+)\\.(.+)\\.split\\.(.+)-(\\d+)\\.watermark\\.currentWatermark");
    private static final Pattern OPERATOR_WATERMARK = Pattern.compile("(\\d+)\\.([^.]+)\\.currentInputWatermark");
    private static final Pattern LATE_DROPS = Pattern.compile("(\\d+)\\.([^.]+)\\.numLateRecordsDropped");
    private static final Pattern OFFSET = Pattern.compile(
            "(\\d+)\\.(.+)\\.KafkaSourceReader\\.topic\\.(.+)\\.partition\\.(\\d+)\\.currentOffset");
    private static final List<Pattern> WANTED = List.of(SPLIT_WATERMARK, OPERATOR_WATERMARK, LATE_DROPS, OFFSET);

    private JobMetricsReader() {
    }

    /**
     * @param fetch for a vertex id and metric names, their values; for no names, every metric name of the vertex
     */
    static JobMetrics read(String jobId, JobOverview job, BiFunction<String, List<String>, Map<String, String>> fetch) {
        List<JobMetrics.SplitWatermark> splits = new ArrayList<>();
        List<JobMetrics.OperatorWatermark> operators = new ArrayList<>();
        List<JobMetrics.LateDrops> drops = new ArrayList<>();
        List<JobMetrics.SourceOffset> offsets = new ArrayList<>();
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
                    if (!m.group(2).startsWith("Source__")) {
                        operators.add(new JobMetrics.OperatorWatermark(vertex.name(), operatorName(m.group(2)),
                                Integer.parseInt(m.group(1)), watermark(value)));
                    }
                } else if ((m = LATE_DROPS.matcher(name)).matches()) {
                    drops.add(new JobMetrics.LateDrops(operatorName(m.group(2)), Integer.parseInt(m.group(1)),
                            number(value)));
                } else if ((m = OFFSET.matcher(name)).matches()) {
                    offsets.add(new JobMetrics.SourceOffset(operatorName(m.group(2)), m.group(3),
                            Integer.parseInt(m.group(4)), number(value)));
                }
            });
        }
        return new JobMetrics(splits, operators, drops, offsets);
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
