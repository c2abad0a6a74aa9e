package io.flinkharness.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.data.GeneratorSpec;
import java.util.List;
import java.util.Map;

/**
 * A case file as written, bound by Jackson before any validation; a field left out is null. Not part of the
 * public API.
 */
record CaseDocument(String name, List<String> tags, String timeout, Map<String, TopicDocument> topics,
                    Map<String, List<InputDocument>> input, Map<String, GeneratorSpec> generate, String ddl,
                    String ddlFile, String dml, String dmlFile, List<ExpectDocument> expect) {

    /**
     * This case's fields over the shared ones: a field the case gives replaces the shared one (ddl and ddlFile
     * count as one field, as do dml and dmlFile); topics, input and generate are merged topic by topic; tags add
     * up.
     */
    CaseDocument over(CaseDocument shared) {
        if (shared == null) {
            return this;
        }
        boolean ownDdl = ddl != null || ddlFile != null;
        boolean ownDml = dml != null || dmlFile != null;
        return new CaseDocument(name, union(shared.tags, tags), timeout != null ? timeout : shared.timeout,
                merged(shared.topics, topics), merged(shared.input, input), merged(shared.generate, generate),
                ownDdl ? ddl : shared.ddl, ownDdl ? ddlFile : shared.ddlFile, ownDml ? dml : shared.dml,
                ownDml ? dmlFile : shared.dmlFile, expect != null ? expect : shared.expect);
    }

    private static <V> Map<String, V> merged(Map<String, V> shared, Map<String, V> own) {
        if (shared == null || own == null) {
            return own != null ? own : shared;
        }
        Map<String, V> merged = new java.util.LinkedHashMap<>(shared);
        merged.putAll(own);
        return merged;
    }

    private static List<String> union(List<String> shared, List<String> own) {
        if (shared == null || own == null) {
            return own != null ? own : shared;
        }
        List<String> all = new java.util.ArrayList<>(shared);
        own.stream().filter(t -> !all.contains(t)).forEach(all::add);
        return all;
    }

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
