package io.flinkharness.flink;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Where a running job stands in event time and in its input, from the Flink REST API's metrics at one moment:
 * the watermark of every Kafka partition (split) its sources read, the input watermark of every operator, the
 * records its window operators dropped as late, and how many records each source has read.
 *
 * <p>An empty watermark means the operator or split has none yet ({@code Long.MIN_VALUE} in Flink): a window
 * downstream of it cannot fire. The Flink REST API refreshes metric values every
 * {@code metrics.fetcher.update-interval} (the embedded environment: 100 ms), so a snapshot may be that old.
 *
 * @param splits the watermark of each source split, one per Kafka partition a source subtask reads
 * @param operators the input watermark of each operator past the sources' own tasks (chained operators of a
 *     source task report theirs late), per subtask
 * @param lateDrops the records each window operator subtask dropped as late ({@code numLateRecordsDropped})
 * @param inputs the records each source subtask has read
 * @param taskTimeByVertex per vertex (by name), the busy, idle and back-pressured time of its first subtask: grows
 *     with wall time, so of two snapshots of a vertex the one with the larger value is the newer
 * @param staleVertices vertices whose metrics did not refresh while {@link FlinkRestClient#freshMetrics} waited:
 *     their values may be old
 */
public record JobMetrics(List<SplitWatermark> splits, List<OperatorWatermark> operators, List<LateDrops> lateDrops,
                         List<SourceInput> inputs, Map<String, Long> taskTimeByVertex, Set<String> staleVertices) {

    public JobMetrics {
        splits = List.copyOf(splits);
        operators = List.copyOf(operators);
        lateDrops = List.copyOf(lateDrops);
        inputs = List.copyOf(inputs);
        taskTimeByVertex = Map.copyOf(taskTimeByVertex);
        staleVertices = Set.copyOf(staleVertices);
    }

    /** Metrics without task times, all taken as fresh. */
    public JobMetrics(List<SplitWatermark> splits, List<OperatorWatermark> operators, List<LateDrops> lateDrops,
                      List<SourceInput> inputs) {
        this(splits, operators, lateDrops, inputs, Map.of(), Set.of());
    }

    /** The task time of every vertex summed. */
    public long taskTimeMillis() {
        return taskTimeByVertex.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether every vertex of {@code earlier} has more task time here: every vertex refreshed since. */
    public boolean newerEverywhereThan(JobMetrics earlier) {
        return earlier.taskTimeByVertex.entrySet().stream()
                .allMatch(e -> taskTimeByVertex.getOrDefault(e.getKey(), Long.MIN_VALUE) > e.getValue());
    }

    /** The vertices of {@code earlier} whose task time did not grow here. */
    public Set<String> notNewerThan(JobMetrics earlier) {
        java.util.Set<String> stale = new java.util.TreeSet<>();
        earlier.taskTimeByVertex.forEach((vertex, time) -> {
            if (taskTimeByVertex.getOrDefault(vertex, Long.MIN_VALUE) <= time) {
                stale.add(vertex);
            }
        });
        return stale;
    }

    /** The same metrics, the given vertices marked stale. */
    public JobMetrics withStale(Set<String> vertices) {
        return new JobMetrics(splits, operators, lateDrops, inputs, taskTimeByVertex, vertices);
    }

    /** Whether the metrics of the source reading {@code table} may be old. */
    public boolean sourceStale(String table) {
        return staleVertices.stream().anyMatch(v -> v.contains("Source: " + table + "["));
    }

    /** The watermark of one Kafka partition as a source subtask tracks it. */
    public record SplitWatermark(String source, int subtask, String topic, int partition, Optional<Instant> watermark) {
    }

    /** The watermark an operator subtask has received (the minimum over its inputs). */
    public record OperatorWatermark(String vertex, String operator, int subtask, Optional<Instant> watermark) {
    }

    /**
     * Inputs a window operator subtask dropped because the watermark had passed their window. With two-phase
     * aggregation (the default for window aggregates) the global operator counts pre-aggregated inputs: late
     * records of one key and window arriving together count once.
     */
    public record LateDrops(String operator, int subtask, long dropped) {
    }

    /** The records a source subtask has read so far ({@code numRecordsIn}), e.g. source {@code Source: clicks[1]}. */
    public record SourceInput(String source, int subtask, long records) {

        /** The table the source reads: {@code clicks} for {@code Source: clicks[1]}. */
        public String table() {
            String name = source.startsWith("Source: ") ? source.substring("Source: ".length()) : source;
            int bracket = name.indexOf('[');
            return bracket > 0 ? name.substring(0, bracket) : name;
        }
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

    /**
     * How far event time has got through the job: the {@link #lowestOperatorWatermark()}, or for a job whose
     * sources write straight to its sinks (no operator past the source tasks), the lowest split watermark. Empty
     * while any of them has none.
     */
    public Optional<Instant> jobWatermark() {
        if (!operators.isEmpty()) {
            return lowestOperatorWatermark();
        }
        if (splits.isEmpty() || splits.stream().anyMatch(s -> s.watermark().isEmpty())) {
            return Optional.empty();
        }
        return splits.stream().map(s -> s.watermark().get()).min(Comparator.naturalOrder());
    }

    /** The watermark of a partition as the sources track it (the lowest, if several sources read it). */
    public Optional<SplitWatermark> split(String topic, int partition) {
        return splits.stream().filter(s -> s.topic().equals(topic) && s.partition() == partition)
                .min(Comparator.comparing(s -> s.watermark().orElse(Instant.MIN)));
    }

    /** The records the sources of a table have read so far, over all subtasks; empty if no source reads it. */
    public Optional<Long> recordsRead(String table) {
        List<SourceInput> of = inputs.stream().filter(i -> i.table().equalsIgnoreCase(table)).toList();
        return of.isEmpty() ? Optional.empty() : Optional.of(of.stream().mapToLong(SourceInput::records).sum());
    }
}
