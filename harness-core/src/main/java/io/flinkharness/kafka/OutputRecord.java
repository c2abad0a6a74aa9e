package io.flinkharness.kafka;

import java.time.Instant;
import java.util.Map;

/** A committed record read back from an output topic. Key and value are UTF-8 text; null for absent. */
public record OutputRecord(String topic, int partition, long offset, String key, String value, Instant timestamp,
                           Map<String, String> headers) {
    public OutputRecord {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
