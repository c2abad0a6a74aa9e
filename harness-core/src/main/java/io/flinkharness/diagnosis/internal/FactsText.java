package io.flinkharness.diagnosis.internal;

import io.flinkharness.flink.CheckpointStats;
import io.flinkharness.flink.JobMetrics;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the {@link Facts} as indented lines under a diagnosis. Not part of the public API. */
public final class FactsText {
    private FactsText() {
    }

    public static String render(Facts facts) {
        StringBuilder out = new StringBuilder();
        for (Facts.Job job : facts.jobs()) {
            out.append("  job ").append(job.id()).append(' ').append(job.status());
            job.started().ifPresent(s -> out.append(" for ").append(Times.of(Duration.between(s, facts.observedAt())
                    .truncatedTo(ChronoUnit.MILLIS))));
            out.append(": ").append(job.statement()).append('\n');
            job.checkpoints().ifPresent(c -> out.append("    checkpoints: ").append(checkpoints(c, facts)).append('\n'));
            job.metrics().ifPresent(m -> watermarks(m, facts, out));
            job.problem().ifPresent(p -> out.append("    ").append(p).append('\n'));
        }
        for (Facts.Source source : facts.sources()) {
            out.append("  source table ").append(source.table()).append(" (topic ").append(source.topic())
                    .append("): watermark delay ").append(source.watermarkDelay().map(Times::of).orElse("none"))
                    .append(", idle timeout ").append(source.idleTimeout().orElse("none"));
            long records = source.partitions().stream().mapToLong(Facts.Partition::records).sum();
            facts.jobs().stream().flatMap(j -> j.metrics().stream()).flatMap(m -> m.recordsRead(source.table()).stream())
                    .findFirst().ifPresent(read -> out.append(", read by the job: ").append(read).append(" of ")
                            .append(records).append(records == 1 ? " record" : " records"));
            out.append('\n');
            for (Facts.Partition p : source.partitions()) {
                out.append("    partition ").append(p.partition()).append(": ");
                if (p.records() == 0) {
                    out.append("no records");
                } else {
                    out.append(p.records()).append(p.records() == 1 ? " record" : " records");
                    if (p.oldest().isPresent()) {
                        out.append(", event time ").append(Times.at(p.oldest().get())).append(" .. ")
                                .append(Times.at(p.newest().get()));
                    }
                }
                facts.jobs().stream().flatMap(j -> j.metrics().stream())
                        .flatMap(m -> m.split(source.topic(), p.partition()).stream()).findFirst()
                        .ifPresent(split -> out.append(", watermark ").append(Times.at(split.watermark())));
                out.append('\n');
            }
            source.problem().ifPresent(problem -> out.append("    ").append(problem).append('\n'));
        }
        for (Facts.Output output : facts.outputs()) {
            out.append("  output table ").append(output.table()).append(" (topic ").append(output.topic())
                    .append("): ").append(output.committedRecords()).append(" records committed");
            Map<Integer, Long> open = output.ends().openByPartition();
            out.append(open.isEmpty() ? ", no open transaction" : ", open transactions " + open.entrySet().stream()
                    .map(e -> "partition " + e.getKey() + ": " + e.getValue() + " offsets")
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return out.toString();
    }

    private static String checkpoints(CheckpointStats c, Facts facts) {
        if (!c.enabled()) {
            return "off";
        }
        String last = c.lastCompleted().map(t -> ", the last " + Times.of(Duration.between(t, facts.observedAt())
                .truncatedTo(ChronoUnit.MILLIS)) + " ago").orElse("");
        long failing = c.failedSinceLastCompleted();
        return c.completed() + " completed" + last + (failing > 0 ? ", " + failing + " failed since" : "")
                + ", interval " + Times.of(c.interval().get());
    }

    private static void watermarks(JobMetrics m, Facts facts, StringBuilder out) {
        java.util.Set<String> described = facts.sources().stream().map(Facts.Source::topic)
                .collect(Collectors.toSet());
        Map<String, List<JobMetrics.SplitWatermark>> bySource = m.splits().stream()
                .filter(split -> !described.contains(split.topic())).collect(Collectors.groupingBy(
                JobMetrics.SplitWatermark::source, java.util.TreeMap::new, Collectors.toList()));
        bySource.forEach((source, splits) -> out.append("    ").append(source).append(" watermarks: ")
                .append(splits.stream().sorted(java.util.Comparator.comparingInt(JobMetrics.SplitWatermark::partition))
                        .map(s -> "partition " + s.partition() + " " + Times.at(s.watermark()))
                        .collect(Collectors.joining(", "))).append('\n'));
        Map<String, List<String>> byWatermark = m.operators().stream().collect(Collectors.groupingBy(
                o -> Times.at(o.watermark()), java.util.LinkedHashMap::new, Collectors.mapping(
                        o -> o.operator() + (o.subtask() == 0 ? "" : " #" + o.subtask()), Collectors.toList())));
        byWatermark.forEach((watermark, operators) -> out.append("    input watermark ").append(watermark)
                .append(": ").append(String.join(", ", operators)).append('\n'));
        if (!m.lateDrops().isEmpty()) {
            out.append("    records dropped as late: ").append(m.lateRecordsDropped()).append('\n');
        }
        if (!m.staleVertices().isEmpty()) {
            out.append("    metrics not refreshed by the REST API, possibly old: ").append(m.staleVertices())
                    .append('\n');
        }
    }
}
