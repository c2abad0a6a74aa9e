package io.flinkharness.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.diagnosis.Finding.Kind;
import io.flinkharness.diagnosis.internal.Facts;
import io.flinkharness.flink.CheckpointStats;
import io.flinkharness.flink.JobMetrics;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.kafka.TopicEnds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules on hand-made facts, for the patterns StallDiagnosisTest does not reproduce on a real cluster and the
 * cases where a rule must stay quiet.
 */
class StallRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:10Z");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Facts.Job running(Optional<CheckpointStats> checkpoints) {
        return new Facts.Job("j1", "INSERT INTO counts SELECT ...", JobStatus.RUNNING, Optional.empty(),
                Optional.of(NOW.minusSeconds(10)), Optional.of(new JobMetrics(List.of(), List.of(), List.of(),
                List.of())), checkpoints, Optional.empty());
    }

    private static Facts.Partition partition(int p, int oldestSecond, int newestSecond) {
        return new Facts.Partition(p, 2, Optional.of(T0.plusSeconds(oldestSecond)),
                Optional.of(T0.plusSeconds(newestSecond)));
    }

    private static Facts.Source clicks(Optional<String> idleTimeout, Facts.Partition... partitions) {
        return new Facts.Source("clicks", "clicks-1", Optional.of(Duration.ofSeconds(2)), idleTimeout,
                List.of(partitions), Optional.empty());
    }

    private static final CheckpointStats EVERY_100_MS = new CheckpointStats(Optional.of(Duration.ofMillis(100)), 40, 0,
            1, Optional.of(NOW.minusMillis(80)));

    private static Facts.Output openTransaction() {
        return new Facts.Output("counts", "counts-1", 0, new TopicEnds("counts-1", Map.of(0, 0L), Map.of(0, 3L)));
    }

    private static Diagnosis diagnose(List<Facts.Job> jobs, List<Facts.Source> sources, List<Facts.Output> outputs) {
        return Diagnosis.of(new Facts(NOW, jobs, sources, outputs, Optional.empty()));
    }

    @Test
    void anIdleTimeoutSilencesTheIdlePartition() {
        Diagnosis d = diagnose(List.of(running(Optional.of(EVERY_100_MS))), List.of(clicks(
                Optional.of("'scan.watermark.idle-timeout' = '1 s'"), partition(0, 1, 30),
                new Facts.Partition(1, 0, Optional.empty(), Optional.empty()))), List.of());

        assertThat(d.findings()).isEmpty();
        assertThat(d.render()).startsWith("diagnosis: no known stall pattern matched; the facts:\n")
                .contains("idle timeout 'scan.watermark.idle-timeout' = '1 s'");
    }

    @Test
    void aPartitionFarBehindTheOthers() {
        Diagnosis d = diagnose(List.of(running(Optional.of(EVERY_100_MS))),
                List.of(clicks(Optional.empty(), partition(0, 1, 5), partition(1, 2, 40))), List.of());

        assertThat(d.findings()).extracting(Finding::kind).containsExactly(Kind.PARTITION_BEHIND);
        assertThat(d.findings().get(0).explanation()).isEqualTo("partition 0 of table clicks (topic clicks-1) has its"
                + " newest record at 2026-01-01T00:00:05Z, partition 1 at 2026-01-01T00:00:40Z: the watermark follows"
                + " the slowest partition and is at most 2026-01-01T00:00:03Z.");
    }

    @Test
    void noInputAtAll() {
        Diagnosis d = diagnose(List.of(running(Optional.of(EVERY_100_MS))), List.of(clicks(Optional.empty(),
                new Facts.Partition(0, 0, Optional.empty(), Optional.empty()))), List.of());

        assertThat(d.findings()).extracting(Finding::kind).containsExactly(Kind.NO_INPUT);
        assertThat(d.findings().get(0).explanation())
                .isEqualTo("table clicks (topic clicks-1) has no records in any of its 1 partition, so its watermark is -inf.");
    }

    @Test
    void checkpointingOffLeavesTheTransactionOpenForEver() {
        Diagnosis d = diagnose(List.of(running(Optional.of(new CheckpointStats(Optional.empty(), 0, 0, 0,
                Optional.empty())))), List.of(), List.of(openTransaction()));

        assertThat(d.findings()).extracting(Finding::kind).containsExactly(Kind.CHECKPOINTING_OFF);
        assertThat(d.findings().get(0).explanation()).isEqualTo("table counts (topic counts-1) has 3 offsets in open"
                + " transactions, invisible to read_committed consumers, and job j1 does not checkpoint: its"
                + " exactly-once sink commits only when a checkpoint completes, so they are never committed.");
    }

    @Test
    void anOpenTransactionBetweenCheckpoints() {
        Diagnosis d = diagnose(List.of(running(Optional.of(EVERY_100_MS))), List.of(), List.of(openTransaction()));

        assertThat(d.findings()).extracting(Finding::kind).containsExactly(Kind.OPEN_TRANSACTION);
        assertThat(d.findings().get(0).explanation()).isEqualTo("table counts (topic counts-1) has 3 offsets in open"
                + " transactions, invisible to read_committed consumers until the next checkpoint completes (job j1:"
                + " 40 completed, the last 80 ms ago, interval 100 ms).");
    }

    @Test
    void aFinishedJobSaysItsSourcesAreBoundedAndNothingElseIsGuessed() {
        Facts.Job finished = new Facts.Job("j1", "INSERT INTO counts SELECT ...", JobStatus.FINISHED,
                Optional.empty(), Optional.of(NOW.minusSeconds(3)), Optional.empty(), Optional.empty(), Optional.empty());

        Diagnosis d = diagnose(List.of(finished), List.of(clicks(Optional.empty(), partition(0, 1, 5),
                new Facts.Partition(1, 0, Optional.empty(), Optional.empty()))), List.of(openTransaction()));

        assertThat(d.findings()).extracting(Finding::kind).containsExactly(Kind.JOB_ENDED);
        assertThat(d.findings().get(0).fix()).isEqualTo("for an unbounded run remove 'scan.bounded.mode' from the"
                + " source tables.");
    }

    @Test
    void aSourceBehindItsInputUnlessItsMetricsAreOld() {
        JobMetrics metrics = new JobMetrics(List.of(), List.of(), List.of(),
                List.of(new JobMetrics.SourceInput("Source: clicks[1]", 0, 1)),
                Map.of("Source: clicks[1] -> Calc[2]", 900L), java.util.Set.of());
        Facts.Job job = new Facts.Job("j1", "INSERT INTO counts", JobStatus.RUNNING, Optional.empty(),
                Optional.empty(), Optional.of(metrics), Optional.of(EVERY_100_MS), Optional.empty());
        Facts.Source clicks = clicks(Optional.empty(), partition(0, 1, 30));

        Diagnosis behind = diagnose(List.of(job), List.of(clicks), List.of());
        assertThat(behind.findings()).extracting(Finding::kind).containsExactly(Kind.SOURCE_BEHIND);
        assertThat(behind.findings().get(0).explanation()).isEqualTo("the job has not read all its input yet (table"
                + " clicks: 1 of 2 records read), as of its metrics.");

        Facts.Job stale = new Facts.Job("j1", "INSERT INTO counts", JobStatus.RUNNING, Optional.empty(),
                Optional.empty(), Optional.of(metrics.withStale(java.util.Set.of("Source: clicks[1] -> Calc[2]"))),
                Optional.of(EVERY_100_MS), Optional.empty());
        Diagnosis unsure = diagnose(List.of(stale), List.of(clicks), List.of());
        assertThat(unsure.findings()).isEmpty();
        assertThat(unsure.facts()).contains("metrics not refreshed by the REST API, possibly old: [Source: clicks[1]"
                + " -> Calc[2]]");
    }

    @Test
    void aRestartingJobReadsNothing() {
        Facts.Job restarting = new Facts.Job("j1", "INSERT INTO counts SELECT ...", JobStatus.RESTARTING,
                Optional.empty(), Optional.of(NOW.minusSeconds(3)), Optional.empty(), Optional.empty(), Optional.empty());

        Diagnosis d = diagnose(List.of(restarting), List.of(clicks(Optional.empty(), partition(0, 1, 5))), List.of());

        assertThat(d.findings()).extracting(Finding::kind).containsExactly(Kind.JOB_NOT_RUNNING);
        assertThat(d.findings().get(0).explanation()).isEqualTo("job j1 (INSERT INTO counts SELECT ...) is RESTARTING,"
                + " not RUNNING: its sources read nothing yet.");
    }

    @Test
    void theWatermarkShortOfTheAwaitedWindow() {
        JobMetrics metrics = new JobMetrics(List.of(), List.of(new JobMetrics.OperatorWatermark("Global", "Global", 0,
                Optional.of(T0.plusSeconds(8)))), List.of(), List.of());
        Facts.Job job = new Facts.Job("j1", "INSERT INTO counts", JobStatus.RUNNING, Optional.empty(),
                Optional.empty(), Optional.of(metrics), Optional.of(EVERY_100_MS), Optional.empty());

        Diagnosis d = Diagnosis.of(new Facts(NOW, List.of(job), List.of(clicks(Optional.empty(), partition(0, 1, 10))),
                List.of(), Optional.of(T0.plusSeconds(10))));

        assertThat(d.findings()).extracting(Finding::kind).containsExactly(Kind.WATERMARK_NOT_PAST_WINDOW);
        assertThat(d.findings().get(0).explanation()).isEqualTo("the watermark of job j1 is 2026-01-01T00:00:08Z, not"
                + " yet at the awaited window's last moment 2026-01-01T00:00:09.999Z, so the window has not fired.");
    }
}
