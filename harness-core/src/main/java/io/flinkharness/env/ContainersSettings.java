package io.flinkharness.env;

import io.flinkharness.internal.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.testcontainers.utility.DockerImageName;

/**
 * Immutable settings of a {@link ContainersEnvironment}: which images it runs and how big its Flink cluster is.
 *
 * <p>From settings ({@link EnvironmentSettings}: {@code -Dflinkharness.KEY=...}, {@code FLINK_HARNESS_KEY}
 * variables, or {@code --env-setting KEY=...}), every one optional:
 * <table>
 *   <tr><td>{@code containers.kafka-image}</td><td>the Kafka broker image, run in KRaft mode (default
 *       {@value #DEFAULT_KAFKA_IMAGE}; {@code apache/kafka-native} images work too)</td></tr>
 *   <tr><td>{@code containers.flink-image}</td><td>the Flink image of the JobManager, the TaskManagers and the SQL
 *       Gateway (default {@value #DEFAULT_FLINK_IMAGE})</td></tr>
 *   <tr><td>{@code containers.task-managers}</td><td>how many TaskManager containers (default 1)</td></tr>
 *   <tr><td>{@code containers.task-slots}</td><td>task slots of each TaskManager (default 8)</td></tr>
 *   <tr><td>{@code containers.reuse}</td><td>{@code true} to let Testcontainers reuse the containers of an earlier
 *       run and leave them running at the end; only where reuse is enabled
 *       ({@code testcontainers.reuse.enable=true} in {@code ~/.testcontainers.properties}), else ignored
 *       (default false)</td></tr>
 *   <tr><td>{@code containers.start-timeout}</td><td>how long each container may take to answer, image pulls
 *       excluded (default 3m)</td></tr>
 * </table>
 *
 * <pre>{@code
 * ContainersSettings settings = ContainersSettings.defaults().withTaskManagers(2);
 * ContainersSettings fromUser = ContainersSettings.from(EnvironmentSettings.fromSystem());
 * }</pre>
 */
public record ContainersSettings(String kafkaImage, String flinkImage, int taskManagers, int taskSlots,
                                 boolean reuse, Duration startTimeout) {

    public static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.2.0";
    public static final String DEFAULT_FLINK_IMAGE = "flink:2.2.0-scala_2.12-java17";
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);

    public ContainersSettings {
        requireImage(kafkaImage, "kafkaImage");
        requireImage(flinkImage, "flinkImage");
        if (taskManagers < 1) {
            throw new IllegalArgumentException("taskManagers must be at least 1, got " + taskManagers);
        }
        if (taskSlots < 1) {
            throw new IllegalArgumentException("taskSlots must be at least 1, got " + taskSlots);
        }
        Objects.requireNonNull(startTimeout, "startTimeout cannot be null");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
    }

    /** Kafka {@value #DEFAULT_KAFKA_IMAGE}, Flink {@value #DEFAULT_FLINK_IMAGE}, 1 TaskManager with 8 slots. */
    public static ContainersSettings defaults() {
        return new ContainersSettings(DEFAULT_KAFKA_IMAGE, DEFAULT_FLINK_IMAGE, 1, 8, false, DEFAULT_START_TIMEOUT);
    }

    /**
     * The {@code containers.*} settings the user gave (see the class comment), defaults for the others.
     *
     * @throws IllegalArgumentException for a bad value, naming the setting and how to write it
     */
    public static ContainersSettings from(EnvironmentSettings settings) {
        ContainersSettings d = defaults();
        return new ContainersSettings(
                settings.get("containers.kafka-image").map(v -> image("containers.kafka-image", v)).orElse(d.kafkaImage),
                settings.get("containers.flink-image").map(v -> image("containers.flink-image", v)).orElse(d.flinkImage),
                settings.get("containers.task-managers").map(v -> count("containers.task-managers", v))
                        .orElse(d.taskManagers),
                settings.get("containers.task-slots").map(v -> count("containers.task-slots", v)).orElse(d.taskSlots),
                settings.get("containers.reuse").map(v -> flag("containers.reuse", v)).orElse(d.reuse),
                settings.get("containers.start-timeout").map(v -> duration("containers.start-timeout", v))
                        .orElse(d.startTimeout));
    }

    public ContainersSettings withKafkaImage(String image) {
        return new ContainersSettings(image, flinkImage, taskManagers, taskSlots, reuse, startTimeout);
    }

    public ContainersSettings withFlinkImage(String image) {
        return new ContainersSettings(kafkaImage, image, taskManagers, taskSlots, reuse, startTimeout);
    }

    public ContainersSettings withTaskManagers(int count) {
        return new ContainersSettings(kafkaImage, flinkImage, count, taskSlots, reuse, startTimeout);
    }

    public ContainersSettings withTaskSlots(int slots) {
        return new ContainersSettings(kafkaImage, flinkImage, taskManagers, slots, reuse, startTimeout);
    }

    public ContainersSettings withReuse(boolean reuseContainers) {
        return new ContainersSettings(kafkaImage, flinkImage, taskManagers, taskSlots, reuseContainers, startTimeout);
    }

    public ContainersSettings withStartTimeout(Duration timeout) {
        return new ContainersSettings(kafkaImage, flinkImage, taskManagers, taskSlots, reuse, timeout);
    }

    private static void requireImage(String image, String field) {
        Objects.requireNonNull(image, field + " cannot be null");
        try {
            DockerImageName.parse(image).assertValid();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " '" + image + "' is not a valid image name: " + e.getMessage(), e);
        }
    }

    private static String image(String key, String text) {
        try {
            requireImage(text, key);
            return text;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + key + " ('" + text + "') is not a valid Docker image"
                    + " name — write it like " + (key.contains("kafka") ? DEFAULT_KAFKA_IMAGE : DEFAULT_FLINK_IMAGE),
                    e);
        }
    }

    private static int count(String key, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("setting " + key + " ('" + text + "') is not a whole number of at least 1"
                + " — write it like 2");
    }

    private static boolean flag(String key, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + key + " ('" + text + "') is neither true nor"
                    + " false");
        };
    }

    private static Duration duration(String key, String text) {
        Duration d = Durations.parseOrNull(text);
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("setting " + key + " ('" + text + "') is not a positive duration —"
                    + " write it like 3m, 90s or PT3M");
        }
        return d;
    }
}
