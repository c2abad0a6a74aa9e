package io.flinkharness.env;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of an {@link EmbeddedEnvironment}.
 *
 * <pre>{@code
 * EmbeddedSettings settings = EmbeddedSettings.defaults().withTaskSlots(8);
 * }</pre>
 *
 * @param taskSlots task slots of the single Flink TaskManager: how many job vertices may run at once
 * @param warmUpPlanner plan a representative statement while Kafka boots, so the first real case is fast
 */
public record EmbeddedSettings(int taskSlots, boolean warmUpPlanner, Duration startTimeout) {

    public EmbeddedSettings {
        if (taskSlots < 1) {
            throw new IllegalArgumentException("taskSlots must be at least 1, got " + taskSlots);
        }
        Objects.requireNonNull(startTimeout, "startTimeout cannot be null");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
    }

    /** 8 task slots, planner warm-up on, 60 s to start. */
    public static EmbeddedSettings defaults() {
        return new EmbeddedSettings(8, true, Duration.ofSeconds(60));
    }

    public EmbeddedSettings withTaskSlots(int slots) {
        return new EmbeddedSettings(slots, warmUpPlanner, startTimeout);
    }

    public EmbeddedSettings withWarmUpPlanner(boolean warmUp) {
        return new EmbeddedSettings(taskSlots, warmUp, startTimeout);
    }

    public EmbeddedSettings withStartTimeout(Duration timeout) {
        return new EmbeddedSettings(taskSlots, warmUpPlanner, timeout);
    }
}
