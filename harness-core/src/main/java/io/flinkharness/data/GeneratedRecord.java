package io.flinkharness.data;

import java.util.Objects;
import java.util.Optional;

/**
 * One generated record: its fields, its Kafka key fields (if the schema has key fields) and its label.
 *
 * @param value every field of the record, in schema order
 * @param key the key fields, if the schema declares any
 * @param label event time, partition, arrival order, origin and lateness
 */
public record GeneratedRecord(Struct value, Optional<Struct> key, RecordLabel label) {
    public GeneratedRecord {
        Objects.requireNonNull(value, "value cannot be null");
        Objects.requireNonNull(key, "key cannot be null");
        Objects.requireNonNull(label, "label cannot be null");
    }
}
