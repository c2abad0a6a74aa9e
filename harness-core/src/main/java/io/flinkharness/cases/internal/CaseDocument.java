package io.flinkharness.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.data.GeneratorSpec;
import java.util.List;
import java.util.Map;

/**
 * A case file as written, bound by Jackson before any validation; a field left out is null. Not part of the
 * public API.
 */
record CaseDocument(String name, String timeout, Map<String, TopicDocument> topics,
                           Map<String, List<InputDocument>> input, Map<String, GeneratorSpec> generate, String ddl,
                           String dml, List<ExpectDocument> expect) {

    /** {@code clicks: { partitions: 4 }} */
    record TopicDocument(Integer partitions) {
    }

    /** One input record; {@code key} and {@code value} are text or any YAML value (sent as JSON). */
    record InputDocument(JsonNode key, JsonNode value, String timestamp, Integer partition,
                                Map<String, String> headers) {
    }

    /** The rows expected on one output topic, optionally on some columns and with per-column tolerances. */
    record ExpectDocument(String topic, String mode, List<String> columns, Map<String, Object> tolerance,
                          List<Map<String, Object>> rows) {
    }
}
