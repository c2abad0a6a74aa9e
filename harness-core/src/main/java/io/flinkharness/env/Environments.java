package io.flinkharness.env;

import java.util.List;
import java.util.Locale;

/**
 * Starts an environment by name, so the same test runs on each, chosen by one setting:
 * <ul>
 *   <li>{@code embedded} (the default): Kafka, a Flink cluster and its SQL Gateway in this JVM;</li>
 *   <li>{@code remote}: an existing Kafka cluster and Flink session cluster with a SQL Gateway, see
 *       {@link RemoteSettings} for its settings;</li>
 *   <li>{@code containers}: Kafka and a Flink session cluster in Docker containers (needs a Docker engine), see
 *       {@link ContainersSettings} for its settings.</li>
 * </ul>
 *
 * <pre>{@code
 * try (FlinkKafkaEnvironment env = Environments.start("remote", EnvironmentSettings.fromSystem())) { ... }
 * }</pre>
 */
public final class Environments {
    public static final String EMBEDDED = "embedded";
    public static final String REMOTE = "remote";
    public static final String CONTAINERS = "containers";
    /** The names {@link #start} knows. */
    public static final List<String> NAMES = List.of(EMBEDDED, REMOTE, CONTAINERS);

    private Environments() {
    }

    /**
     * Starts (or, for {@code remote}, connects to) the named environment.
     *
     * @throws IllegalArgumentException for an unknown name or a missing or bad setting, naming it
     * @throws EnvironmentStartException if the environment cannot start or its services do not answer
     */
    public static FlinkKafkaEnvironment start(String name, EnvironmentSettings settings) {
        return switch (normalized(name)) {
            case EMBEDDED -> EmbeddedEnvironment.start();
            case REMOTE -> RemoteEnvironment.connect(RemoteSettings.from(settings));
            case CONTAINERS -> ContainersEnvironment.start(ContainersSettings.from(settings));
            default -> throw new IllegalArgumentException("unknown environment '" + name + "' — known environments: "
                    + NAMES);
        };
    }

    /** The name as {@link #NAMES} writes it, or the name as given if it is none of them. */
    public static String normalized(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return NAMES.contains(n) ? n : name;
    }
}
