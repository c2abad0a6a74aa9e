package io.flinkharness.env.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one container of a {@link ContainerPlan} is made: what a {@code docker run} would say. Not part of the public
 * API.
 *
 * @param name the container's role, for messages ({@code jobmanager}, {@code taskmanager-2})
 * @param command the command, empty for the image's (or, for Kafka, Testcontainers') own
 * @param networkAliases the names the other containers reach it under
 * @param exposedPorts container ports mapped to the host
 * @param copiedFiles host files copied into the container before it starts, by their path in the container
 */
public record ContainerSpec(String name, String image, List<String> command, Map<String, String> environment,
                            List<String> networkAliases, List<Integer> exposedPorts, Map<String, Path> copiedFiles) {

    public ContainerSpec {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(image, "image cannot be null");
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        networkAliases = List.copyOf(networkAliases);
        exposedPorts = List.copyOf(exposedPorts);
        copiedFiles = Map.copyOf(copiedFiles);
    }
}
