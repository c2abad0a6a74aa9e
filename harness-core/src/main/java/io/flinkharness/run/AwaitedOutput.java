package io.flinkharness.run;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One wait of an unbounded case that saw what it awaited, with its latency: how long after the last input was sent
 * the output became visible to a read_committed consumer, and how many checkpoints that took.
 *
 * <pre>{@code
 * for (AwaitedOutput out : runner.run(unboundedCase).assertPassed().awaited()) {
 *     System.out.println(out);   // counts windowEnd: 2026-01-01T00:00:10Z: 412 ms after the last input, 2 checkpoints
 * }
 * }</pre>
 *
 * @param table the table awaited (for {@code await: expectations}, the expected topics)
 * @param condition what was awaited, as the case file writes it: {@code rowCount: 3}, {@code expectations}
 * @param sinceLastInput from the moment Kafka acknowledged the last input record to the output being visible;
 *     empty when nothing had been sent
 * @param checkpoints checkpoints the job completed in that time, if known
 */
public record AwaitedOutput(String table, String condition, Optional<Duration> sinceLastInput,
                            Optional<Long> checkpoints) {
    public AwaitedOutput {
        Objects.requireNonNull(table, "table cannot be null");
        Objects.requireNonNull(condition, "condition cannot be null");
        Objects.requireNonNull(sinceLastInput, "sinceLastInput cannot be null; use Optional.empty()");
        Objects.requireNonNull(checkpoints, "checkpoints cannot be null; use Optional.empty()");
    }

    /** {@code 412 ms after the last input, 2 checkpoints}. */
    public String latency() {
        return sinceLastInput.map(d -> d.toMillis() + " ms after the last input").orElse("no input sent before")
                + checkpoints.map(n -> ", " + n + (n == 1 ? " checkpoint" : " checkpoints")).orElse("");
    }

    @Override
    public String toString() {
        return table + " " + condition + ": " + latency();
    }
}
