package io.flinkharness.run;

import io.flinkharness.results.ResultTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a wait on a running job's output saw when its condition held.
 *
 * @param table the table's committed rows at that moment (read_committed)
 * @param visibleAt when the condition was first seen to hold
 * @param sinceLastInput from the moment Kafka acknowledged the last record the session sent (the one that closed
 *     the window, in a test that sends it last) to {@code visibleAt}: what the sink's checkpoint interval costs
 * @param checkpointsSinceLastInput checkpoints the job completed in that time, if known
 */
public record VisibleOutput(ResultTable table, Instant visibleAt, Optional<Duration> sinceLastInput,
                            Optional<Long> checkpointsSinceLastInput) {
}
