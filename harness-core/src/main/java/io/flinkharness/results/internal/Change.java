package io.flinkharness.results.internal;

import java.util.Objects;
import org.apache.flink.types.RowKind;

/**
 * One change read from an output topic: its kind, the row's values in column order, and the key that identifies
 * the row for upserts (the Kafka key's bytes, or key column values), if any. Not part of the public API.
 *
 * @param upsertKey compared with equals; null when the record had no key
 */
public record Change(RowKind kind, Object[] values, Object upsertKey) {
    public Change {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(values, "values cannot be null");
    }

    public boolean adds() {
        return kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
    }
}
