package io.flinkharness.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Metric names as the Flink 2.2 REST API reports them for a TUMBLE job reading two partitions. */
class JobMetricsReaderTest {
    private static final JobOverview JOB = new JobOverview("j1", "clicks", JobStatus.RUNNING, Instant.EPOCH, List.of(
            new JobOverview.Vertex("v1", "Source: clicks[1] -> Calc[2] -> LocalWindowAggregate[3]", 1, "RUNNING"),
            new JobOverview.Vertex("v2", "GlobalWindowAggregate[5] -> Calc[6] -> counts[7]: Writer", 1, "RUNNING")));

    private static final Map<String, Map<String, String>> VALUES = Map.of(
            "v1", Map.of(
                    "0.Source__clicks[1].split.clicks-run-3f2a-0.watermark.currentWatermark", "1767225629000",
                    "0.Source__clicks[1].split.clicks-run-3f2a-1.watermark.currentWatermark", "-9223372036854775808",
                    "0.Source__clicks[1].split.clicks-run-3f2a-1.watermark.accumulatedIdleTimeMs", "12",
                    "0.Calc[2].currentInputWatermark", "-9223372036854775808",
                    "0.Source__clicks[1].numRecordsIn", "3",
                    "0.accumulateIdleTimeMs", "4000",
                    "0.accumulateBusyTimeMs", "25.0"),
            "v2", Map.of(
                    "0.GlobalWindowAggregate[5].currentInputWatermark", "-9223372036854775808",
                    "0.GlobalWindowAggregate[5].numLateRecordsDropped", "2",
                    "0.counts[7]__Writer.currentInputWatermark", "-9223372036854775808",
                    "0.currentInputWatermark", "-9223372036854775808",
                    "0.numRecordsIn", "5"));

    private static JobMetrics read() {
        return JobMetricsReader.read("j1", JOB, (vertex, names) -> {
            Map<String, String> all = VALUES.get(vertex);
            if (names.isEmpty()) {
                return all;
            }
            Map<String, String> picked = new LinkedHashMap<>();
            names.forEach(n -> picked.put(n, all.get(n)));
            return picked;
        });
    }

    @Test
    void splitWatermarksPerPartitionWithMinusInfinityAsNone() {
        JobMetrics metrics = read();

        assertThat(metrics.splits()).containsExactlyInAnyOrder(
                new JobMetrics.SplitWatermark("Source: clicks[1]", 0, "clicks-run-3f2a", 0,
                        Optional.of(Instant.parse("2026-01-01T00:00:29Z"))),
                new JobMetrics.SplitWatermark("Source: clicks[1]", 0, "clicks-run-3f2a", 1, Optional.empty()));
        assertThat(metrics.split("clicks-run-3f2a", 1)).map(JobMetrics.SplitWatermark::watermark).contains(Optional.empty());
    }

    @Test
    void operatorWatermarksOnlyPastTheSourceTask() {
        JobMetrics metrics = read();

        assertThat(metrics.operators()).extracting(JobMetrics.OperatorWatermark::operator)
                .containsExactlyInAnyOrder("GlobalWindowAggregate[5]", "counts[7]__Writer");
        assertThat(metrics.lowestOperatorWatermark()).isEmpty();
    }

    @Test
    void lateDropsRecordsReadAndTaskTime() {
        JobMetrics metrics = read();

        assertThat(metrics.lateRecordsDropped()).isEqualTo(2);
        assertThat(metrics.recordsRead("clicks")).contains(3L);
        assertThat(metrics.recordsRead("orders")).isEmpty();
        assertThat(metrics.taskTimeMillis()).isEqualTo(4025);
        assertThat(metrics.taskTimeByVertex()).containsOnlyKeys("Source: clicks[1] -> Calc[2] -> LocalWindowAggregate[3]");
    }
}
