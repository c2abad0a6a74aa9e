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
 * @param startTimeout how long Kafka and Flink may take to start
 */
public record EmbeddedSettings(int taskSlots, Duration startTimeout) {

    public EmbeddedSettings {
        if (taskSlots < 1) {
            throw new IllegalArgumentException("taskSlots must be at least 1, got " + taskSlots);
        }
        Objects.requireNonNull(startTimeout, "startTimeout cannot be null");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
    }

    /** 8 task slots, 60 s to start. */
    public static EmbeddedSettings defaults() {
        return new EmbeddedSettings(8, Duration.ofSeconds(60));
    }

    public EmbeddedSettings withTaskSlots(int slots) {
        return new EmbeddedSettings(slots, startTimeout);
    }

    public EmbeddedSettings withStartTimeout(Duration timeout) {
        return new EmbeddedSettings(taskSlots, timeout);
    }
}
