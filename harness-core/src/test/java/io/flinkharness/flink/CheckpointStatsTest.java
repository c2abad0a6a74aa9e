package io.flinkharness.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointStatsTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private static CheckpointStats.Attempt completed(long id, int triggeredMs, int ackedMs) {
        return new CheckpointStats.Attempt(id, "COMPLETED", T.plusMillis(triggeredMs), Optional.of(T.plusMillis(ackedMs)));
    }

    private static CheckpointStats.Attempt failed(long id, int triggeredMs) {
        return new CheckpointStats.Attempt(id, "FAILED", T.plusMillis(triggeredMs), Optional.empty());
    }

    private static CheckpointStats stats(long completed, CheckpointStats.Attempt... history) {
        return new CheckpointStats(Optional.of(Duration.ofMillis(100)), completed, 2, 0, Optional.empty(),
                List.of(history));
    }

    @Test
    void countsTheCompletionsAfterTheInputUpToTheVisibleOutput() {
        CheckpointStats stats = stats(4, failed(1, 0), failed(2, 100), completed(3, 200, 230), completed(4, 300, 320),
                completed(5, 400, 450), completed(6, 500, 520));

        assertThat(stats.completedBetween(T.plusMillis(230), T.plusMillis(450))).contains(2L);
        assertThat(stats.completedBetween(T.plusMillis(100), T.plusMillis(229))).contains(0L);
    }

    @Test
    void aHistoryThatDoesNotReachBackToTheInputCannotCount() {
        CheckpointStats truncated = stats(40, completed(39, 200, 230), completed(40, 300, 320));

        assertThat(truncated.completedBetween(T.plusMillis(100), T.plusMillis(400))).isEmpty();
        assertThat(truncated.completedBetween(T.plusMillis(250), T.plusMillis(400))).contains(1L);
    }

    @Test
    void onlyFailuresAfterTheLastCompletionAreFailingNow() {
        assertThat(stats(1, failed(1, 0), failed(2, 100), completed(3, 200, 230)).failedSinceLastCompleted()).isZero();
        assertThat(stats(1, completed(3, 200, 230), failed(4, 300), failed(5, 400)).failedSinceLastCompleted())
                .isEqualTo(2);
    }
}
