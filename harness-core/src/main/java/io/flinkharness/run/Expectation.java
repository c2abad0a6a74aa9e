package io.flinkharness.run;

import io.flinkharness.rows.Row;
import java.util.List;
import java.util.Objects;

/**
 * The rows expected on an output topic once the case has run, compared ignoring order.
 *
 * @param topic the logical topic name, as declared in the case
 */
public record Expectation(String topic, OutputMode mode, List<Row> rows) {
    public Expectation {
        Objects.requireNonNull(topic, "topic cannot be null");
        Objects.requireNonNull(mode, "mode cannot be null");
        rows = List.copyOf(rows);
    }

    /** The same expectation with row {@code index} replaced. */
    public Expectation withRow(int index, Row row) {
        List<Row> copy = new java.util.ArrayList<>(rows);
        copy.set(index, row);
        return new Expectation(topic, mode, copy);
    }
}
