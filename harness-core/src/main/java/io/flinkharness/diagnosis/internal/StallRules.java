package io.flinkharness.diagnosis.internal;

import io.flinkharness.diagnosis.Finding;
import io.flinkharness.diagnosis.Finding.Kind;
import io.flinkharness.flink.CheckpointStats;
import io.flinkharness.flink.JobMetrics;
import io.flinkharness.flink.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The known stall patterns, each a rule over the {@link Facts}. Rules name what they saw in the test's own terms
 * and give the fix. Not part of the public API.
 */
public final class StallRules {
    private StallRules() {
    }

    public static List<Finding> findings(Facts facts) {
        List<Finding> findings = new ArrayList<>();
        boolean running = false;
        for (Facts.Job job : facts.jobs()) {
            jobState(job).ifPresent(findings::add);
            running |= job.status() == JobStatus.RUNNING;
        }
        if (!running) {
            return findings;
        }
        for (Facts.Source source : facts.sources()) {
            findings.addAll(input(source));
        }
        for (Facts.Job job : facts.jobs()) {
            job.metrics().ifPresent(m -> {
                sourceBehind(facts, m).ifPresent(findings::add);
                lateDrops(m).ifPresent(findings::add);
            });
        }
        for (Facts.Output output : facts.outputs()) {
            transactions(facts, output).ifPresent(findings::add);
        }
        if (findings.isEmpty()) {
            watermarkNotPast(facts).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> jobState(Facts.Job job) {
        String name = "job " + job.id() + " (" + job.statement() + ")";
        return switch (job.status()) {
            case FAILED -> Optional.of(new Finding(Kind.JOB_FAILED, name + " failed: "
                    + job.failure().orElse("Flink recorded no exception") + ".",
                    "the root cause above; the harness runs jobs without restarts, so one failure ends the job."));
            case FINISHED -> Optional.of(new Finding(Kind.JOB_ENDED, name + " has FINISHED: its sources are bounded,"
                    + " so it read only the records there when it started and writes nothing more.",
                    "for an unbounded run remove 'scan.bounded.mode' from the source tables."));
            case CANCELED, CANCELLING -> Optional.of(new Finding(Kind.JOB_ENDED, name + " was cancelled.",
                    "do not cancel the job (or close its session) before the output is read."));
            case RUNNING -> Optional.empty();
            default -> Optional.of(new Finding(Kind.JOB_NOT_RUNNING, name + " is " + job.status()
                    + ", not RUNNING: its sources read nothing yet.",
                    "wait for it with job.awaitRunning(), or raise the timeout if the cluster is busy."));
        };
    }

    private static List<Finding> input(Facts.Source source) {
        List<Finding> findings = new ArrayList<>();
        String table = "table " + source.table() + " (topic " + source.topic() + ")";
        List<Facts.Partition> partitions = source.partitions();
        if (partitions.isEmpty() || source.watermarkDelay().isEmpty()) {
            return findings;
        }
        List<Facts.Partition> empty = partitions.stream().filter(p -> p.records() == 0).toList();
        if (empty.size() == partitions.size()) {
            findings.add(new Finding(Kind.NO_INPUT, table + " has no records in any of its " + partitions.size()
                    + (partitions.size() == 1 ? " partition" : " partitions") + ", so its watermark is -inf.",
                    "send the input to topic '" + source.table() + "' (session.topic(...).send) before waiting."));
            return findings;
        }
        if (!empty.isEmpty() && source.idleTimeout().isEmpty()) {
            String which = empty.stream().map(p -> String.valueOf(p.partition())).collect(Collectors.joining(", "));
            boolean one = empty.size() == 1;
            findings.add(new Finding(Kind.IDLE_PARTITION, "partition" + (one ? " " : "s ") + which + " of "
                    + table + (one ? " never received a record" : " never received records") + ": the source"
                    + " watermark is held at -inf, and a window fires only once the watermark of every partition"
                    + " has passed its end, so no window can fire.",
                    "set 'scan.watermark.idle-timeout' = '1 s' on table " + source.table()
                            + " (or SET 'table.exec.source.idle-timeout' = '1 s'), or send a heartbeat to every"
                            + " partition: session.eventTime(\"" + source.table() + "\").advanceTo(...)."));
        }
        List<Facts.Partition> withData = partitions.stream().filter(p -> p.newest().isPresent()).toList();
        if (withData.isEmpty() || (!empty.isEmpty() && source.idleTimeout().isEmpty())) {
            return findings;
        }
        Duration delay = source.watermarkDelay().get();
        Facts.Partition slowest = withData.stream().min(Comparator.comparing(p -> p.newest().get())).get();
        Facts.Partition fastest = withData.stream().max(Comparator.comparing(p -> p.newest().get())).get();
        Instant oldest = withData.stream().map(p -> p.oldest().get()).min(Comparator.naturalOrder()).get();
        Instant reachable = slowest.newest().get().minus(delay);
        if (!reachable.isAfter(oldest)) {
            findings.add(new Finding(Kind.WATERMARK_DELAY_EXCEEDS_DATA, "the watermark delay of " + table + " ("
                    + Times.of(delay) + ") is at least the span of its data in event time (oldest record "
                    + Times.at(oldest) + ", newest " + Times.at(slowest.newest().get())
                    + (withData.size() > 1 ? " in the slowest partition, " + slowest.partition() : "")
                    + "): the watermark can reach at most " + Times.at(reachable) + ", not past the oldest record,"
                    + " so no window holding a record can fire.",
                    "send a record (or heartbeat) whose event time is at least the window's end plus "
                            + Times.of(delay) + " — session.eventTime(\"" + source.table() + "\").fireWindowEndingAt(end)"
                            + " — or shorten the delay in the WATERMARK clause."));
        } else if (withData.size() > 1 && fastest.newest().get().minus(delay).isAfter(slowest.newest().get())) {
            findings.add(new Finding(Kind.PARTITION_BEHIND, "partition " + slowest.partition() + " of " + table
                    + " has its newest record at " + Times.at(slowest.newest().get()) + ", partition "
                    + fastest.partition() + " at " + Times.at(fastest.newest().get()) + ": the watermark follows the"
                    + " slowest partition and is at most " + Times.at(reachable) + ".",
                    "send partition " + slowest.partition() + " a record (or heartbeat) as late in event time as the"
                            + " others — session.eventTime(\"" + source.table() + "\").advanceTo(...) sends one to"
                            + " every partition."));
        }
        return findings;
    }

    private static Optional<Finding> sourceBehind(Facts facts, JobMetrics metrics) {
        List<String> behind = new ArrayList<>();
        for (Facts.Source source : facts.sources()) {
            long records = source.partitions().stream().mapToLong(Facts.Partition::records).sum();
            Optional<Long> read = metrics.recordsRead(source.table());
            if (read.isPresent() && read.get() < records && !metrics.sourceStale(source.table())) {
                behind.add("table " + source.table() + ": " + read.get() + " of " + records + " records read");
            }
        }
        if (behind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Kind.SOURCE_BEHIND, "the job has not read all its input yet ("
                + String.join("; ", behind) + "), as of its metrics.",
                "give it more time (a higher timeout); if it stays behind, look for backpressure or restarts in the"
                        + " Flink UI."));
    }

    private static Optional<Finding> lateDrops(JobMetrics metrics) {
        long dropped = metrics.lateRecordsDropped();
        if (dropped == 0) {
            return Optional.empty();
        }
        Map<String, Long> byOperator = metrics.lateDrops().stream().filter(d -> d.dropped() > 0)
                .collect(Collectors.groupingBy(JobMetrics.LateDrops::operator, java.util.TreeMap::new,
                        Collectors.summingLong(JobMetrics.LateDrops::dropped)));
        String where = byOperator.entrySet().stream().map(e -> e.getKey() + " dropped " + e.getValue())
                .collect(Collectors.joining(", "));
        return Optional.of(new Finding(Kind.LATE_RECORDS_DROPPED, "window operators dropped late input (" + where
                + "; a two-phase aggregate counts the late records of one key and window that arrive together"
                + " once): they arrived after the watermark had passed the end of their window, so no window counts"
                + " them.",
                "if they should count, raise the watermark delay to cover their lateness, or send them before the"
                        + " records that move the watermark past their window."));
    }

    private static Optional<Finding> transactions(Facts facts, Facts.Output output) {
        long open = output.ends().pastLastStable();
        if (open == 0) {
            return Optional.empty();
        }
        String where = "table " + output.table() + " (topic " + output.topic() + ") has " + open
                + (open == 1 ? " offset" : " offsets") + " in open transactions, invisible to read_committed"
                + " consumers";
        Optional<Facts.Job> job = facts.jobs().stream().filter(j -> j.checkpoints().isPresent()).findFirst();
        if (job.isEmpty()) {
            return Optional.of(new Finding(Kind.OPEN_TRANSACTION, where + ".",
                    "the exactly-once sink commits at checkpoints: wait for the next one."));
        }
        CheckpointStats checkpoints = job.get().checkpoints().get();
        if (!checkpoints.enabled()) {
            return Optional.of(new Finding(Kind.CHECKPOINTING_OFF, where + ", and job " + job.get().id()
                    + " does not checkpoint: its exactly-once sink commits only when a checkpoint completes, so"
                    + " they are never committed.",
                    "SET 'execution.checkpointing.interval' = '100 ms' (RunnerSettings.withCheckpointInterval), or"
                            + " give the sink 'sink.delivery-guarantee' = 'at-least-once'."));
        }
        String interval = Times.of(checkpoints.interval().get());
        if (checkpoints.completed() == 0) {
            String since = job.get().started().map(s -> " since it started "
                    + Times.of(Duration.between(s, facts.observedAt()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                    + " ago").orElse("");
            return Optional.of(new Finding(Kind.NO_CHECKPOINT_YET, where + ": job " + job.get().id()
                    + " has completed no checkpoint" + since + " (interval " + interval + "), and its exactly-once"
                    + " sink commits only when one completes.",
                    "lower 'execution.checkpointing.interval' (now " + interval + ";"
                            + " RunnerSettings.withCheckpointInterval or @FlinkSqlTest(checkpointInterval)), or wait"
                            + " longer than one interval."));
        }
        String last = checkpoints.lastCompleted().map(t -> ", the last " + Times.of(Duration.between(t,
                facts.observedAt()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)) + " ago").orElse("");
        long failing = checkpoints.failedSinceLastCompleted();
        return Optional.of(new Finding(Kind.OPEN_TRANSACTION, where + " until the next checkpoint completes (job "
                + job.get().id() + ": " + checkpoints.completed() + " completed" + last + ", interval " + interval
                + (failing > 0 ? ", " + failing + " failed since" : "") + ").",
                "wait one more checkpoint interval (raise the timeout)" + (failing > 0
                        ? "; checkpoints are failing: see the job's checkpoint history in the Flink UI" : "") + "."));
    }

    private static Optional<Finding> watermarkNotPast(Facts facts) {
        if (facts.awaitedWatermark().isEmpty()) {
            return Optional.empty();
        }
        Instant needed = facts.awaitedWatermark().get();
        for (Facts.Job job : facts.jobs()) {
            if (job.metrics().isEmpty()) {
                continue;
            }
            Optional<Instant> lowest = job.metrics().get().jobWatermark();
            if (lowest.isEmpty() || lowest.get().isBefore(needed)) {
                String source = facts.sources().isEmpty() ? "the source" : facts.sources().get(0).table();
                return Optional.of(new Finding(Kind.WATERMARK_NOT_PAST_WINDOW, "the watermark of job " + job.id()
                        + " is " + Times.at(lowest) + ", not yet at the awaited window's last moment "
                        + Times.at(needed.minusMillis(1)) + ", so the window has not fired.",
                        "send records (or a heartbeat) later in event time: session.eventTime(\"" + source
                                + "\").fireWindowEndingAt(" + needed + ")."));
            }
        }
        return Optional.empty();
    }
}
