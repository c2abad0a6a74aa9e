package io.flinkharness.flink;

import java.time.Instant;
import java.util.List;

/**
 * A job as the Flink REST API describes it ({@code GET /jobs/:id}): name, state, start time and vertices.
 *
 * @param vertices the job's vertices (chains of operators), sources first
 */
public record JobOverview(String id, String name, JobStatus status, Instant started, List<Vertex> vertices) {

    public JobOverview {
        vertices = List.copyOf(vertices);
    }

    /** A chain of operators that runs as one task, e.g. {@code Source: clicks[1] -> LocalWindowAggregate[2]}. */
    public record Vertex(String id, String name, int parallelism, String state) {
    }
}
