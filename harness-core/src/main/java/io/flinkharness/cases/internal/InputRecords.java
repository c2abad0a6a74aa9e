package io.flinkharness.cases.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flinkharness.cases.internal.CaseDocument.InputDocument;
import io.flinkharness.kafka.TestRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks the input records of one topic and turns them into {@link TestRecord}s. Not part of the public API. */
final class InputRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Problems problems;

    InputRecords(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param path the path of the topic's list, e.g. {@code input.clicks}
     * @param partitions how many partitions the topic is declared with
     */
    List<TestRecord> read(String path, List<InputDocument> records, int partitions) {
        List<TestRecord> result = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            result.add(record(FieldPath.index(path, i), records.get(i), partitions));
        }
        return result;
    }

    private TestRecord record(String path, InputDocument doc, int partitions) {
        if (doc == null) {
            throw problems.atValue(path, "empty record", "write { key: ..., value: ..., timestamp: ... }");
        }
        if (doc.value() == null) {
            throw problems.atValue(FieldPath.field(path, "value"), "missing", "give the record's value (a mapping"
                    + " is sent as JSON, text as is); write value: null for a tombstone");
        }
        TestRecord record = TestRecord.of(text(doc.key()), text(doc.value()), timestamp(path, doc.timestamp()));
        if (doc.partition() != null) {
            record = record.withPartition(partition(FieldPath.field(path, "partition"), doc.partition(), partitions));
        }
        if (doc.headers() != null) {
            for (Map.Entry<String, String> h : doc.headers().entrySet()) {
                record = record.withHeader(h.getKey(), h.getValue());
            }
        }
        return record;
    }

    private Instant timestamp(String recordPath, String timestamp) {
        String path = FieldPath.field(recordPath, "timestamp");
        String fix = "every input record needs its Kafka timestamp as an ISO-8601 instant,"
                + " e.g. timestamp: \"2024-01-01T00:00:01Z\"";
        if (timestamp == null) {
            throw problems.atValue(path, "missing", fix);
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw problems.atValue(path, "'" + timestamp + "' is not an ISO-8601 instant", fix, e);
        }
    }

    private int partition(String path, int partition, int partitions) {
        if (partition < 0 || partition >= partitions) {
            throw problems.atValue(path, "partition " + partition + " is out of range: the topic has " + partitions
                    + (partitions == 1 ? " partition" : " partitions"),
                    partitions == 1 ? "use partition 0, or declare more partitions under topics"
                            : "use 0.." + (partitions - 1) + ", or declare more partitions under topics");
        }
        return partition;
    }

    /** Text as is, any other YAML value as compact JSON, null (or no key) as null. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed YAML value as JSON", e);
        }
    }
}
