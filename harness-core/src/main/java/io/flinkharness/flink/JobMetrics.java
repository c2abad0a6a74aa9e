package io.flinkharness.flink;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a running job stands in event time and in its input, from the Flink REST API's metrics at one moment:
 * the watermark of every Kafka partition (split) its sources read, the input watermark of every operator, the
 * records its window operators dropped as late, and the offset each source has read up to.
 *
 * <p>An empty watermark means the operator or split has none yet ({@code Long.MIN_VALUE} in Flink): a window
 * downstream of it cannot fire. The Flink REST API refreshes metric values every
 * {@code metrics.fetcher.update-interval} (the embedded environment: 100 ms), so a snapshot may be that old.
 *
 * @param splits the watermark of each source split, one per Kafka partition a source subtask reads
 * @param operators the input watermark of each operator of each subtask that has one
 * @param lateDrops the records each window operator subtask dropped as late ({@code numLateRecordsDropped})
 * @param offsets the offset of the last record each source subtask emitted, per Kafka partition
 */
public record JobMetrics(List<SplitWatermark> splits, List<OperatorWatermark> operators, List<LateDrops> lateDrops,
                         List<SourceOffset> offsets) {

    public JobMetrics {
        splits = List.copyOf(splits);
        operators = List.copyOf(operators);
        lateDrops = List.copyOf(lateDrops);
        offsets = List.copyOf(offsets);
    }

    /** The watermark of one Kafka partition as a source subtask tracks it. */
    public record SplitWatermark(String source, int subtask, String topic, int partition, Optional<Instant> watermark) {
    }

    /** The watermark an operator subtask has received (the minimum over its inputs). */
    public record OperatorWatermark(String vertex, String operator, int subtask, Optional<Instant> watermark) {
    }

    /** Records an operator subtask dropped because the watermark had passed their window. */
    public record LateDrops(String operator, int subtask, long dropped) {
    }

    /** The offset of the last record a source emitted from a partition; -1 before the first. */
    public record SourceOffset(String source, String topic, int partition, long offset) {
    }

    /** Records dropped as late by every window operator of the job together. */
    public long lateRecordsDropped() {
        return lateDrops.stream().mapToLong(LateDrops::dropped).sum();
    }

    /**
     * The lowest input watermark among the operators that received data from others (not the sources' first
     * operators): how far event time has got through the whole job. Empty while any of them has none.
     */
    public Optional<Instant> lowestOperatorWatermark() {
        if (operators.isEmpty() || operators.stream().anyMatch(o -> o.watermark().isEmpty())) {
            return Optional.empty();
        }
        return operators.stream().map(o -> o.watermark().get()).min(Comparator.naturalOrder());
    }

    /** The watermark of a partition as the sources track it (the lowest, if several sources read it). */
    public Optional<SplitWatermark> split(String topic, int partition) {
        return splits.stream().filter(s -> s.topic().equals(topic) && s.partition() == partition)
                .min(Comparator.comparing(s -> s.watermark().orElse(Instant.MIN)));
    }

    /** The highest offset a source has emitted from a partition, if a source reads it. */
    public Optional<Long> offset(String topic, int partition) {
        return offsets.stream().filter(o -> o.topic().equals(topic) && o.partition() == partition)
                .map(SourceOffset::offset).max(Comparator.naturalOrder());
    }
}
