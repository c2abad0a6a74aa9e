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
                    String ddlFile, String dml, String dmlFile, List<ExpectDocument> expect,
                    List<ValidateDocument> validate, RunDocument run) {

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
                ownDml ? dmlFile : shared.dmlFile, expect != null ? expect : shared.expect,
                validate != null ? validate : shared.validate, run != null ? run : shared.run);
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

    /**
     * What is expected of one output topic: rows, optionally on some columns and with per-column tolerances; its
     * windows; uniqueness; what a deduplication kept.
     */
    record ExpectDocument(String topic, String mode, String match, List<String> columns,
                          Map<String, Object> tolerance, List<Map<String, Object>> rows, WindowsDocument windows, List<String> unique,
                          DedupDocument dedup, OracleDocument oracle) {
    }

    /** Window checks: bounds columns, the windowing, windows present, absent and not fired, late records. */
    record WindowsDocument(String start, String end, String tumble, String offset, HopDocument hop,
                           CumulateDocument cumulate, List<String> present, Boolean noOthers, List<String> notFired,
                           LateDocument noLateRecordCounted) {
    }

    record HopDocument(String size, String slide) {
    }

    record CumulateDocument(String step, String size) {
    }

    /** {@code noLateRecordCounted: { input: clicks, count: clicks }} */
    record LateDocument(String input, String count) {
    }

    /** A validation query and the rows it must return: {@code { name: ..., sql: SELECT ..., rows: [] }}. */
    record ValidateDocument(String name, String sql, List<Map<String, Object>> rows) {
    }

    /**
     * The rows the oracle computes from the generated input: {@code oracle: { input: clicks, tumble: 10s,
     * groupBy: [user], aggregates: { clicks: count(*), total: sum(amount) } }}.
     */
    record OracleDocument(String input, String tumble, String offset, HopDocument hop, CumulateDocument cumulate,
                          List<String> groupBy, Map<String, String> aggregates, List<String> windowColumns) {
    }

    /** {@code run: { mode: unbounded, timeout: 30s, steps: [...] }} */
    record RunDocument(String mode, String timeout, List<StepDocument> steps) {
    }

    /**
     * One step: exactly one of {@code send: TOPIC}, {@code advance: {...}}, {@code fire: {...}},
     * {@code await: expectations} or {@code await: {...}} (text or a mapping, see {@link AwaitDocument}).
     */
    record StepDocument(JsonNode send, AdvanceDocument advance, FireDocument fire, JsonNode await) {
    }

    /** {@code send: { topic: clicks, records: 3 }}: the next 3 records of the topic's input. */
    record SendDocument(String topic, Integer records) {
    }

    /** {@code advance: { table: clicks, to: '2026-01-01T00:01:05Z', partitions: [0, 2], values: {...} }} */
    record AdvanceDocument(String table, String to, List<Integer> partitions, Map<String, Object> values) {
    }

    /** {@code fire: { table: clicks, windowEnd: '2026-01-01T00:01:00Z', values: {...} }} */
    record FireDocument(String table, String windowEnd, Map<String, Object> values) {
    }

    /** {@code await: { table: counts, rowCount: 3 | atLeastRows: 2 | windowEnd: '...', withinCheckpoints, timeout }} */
    record AwaitDocument(String table, Integer rowCount, Integer atLeastRows, String windowEnd, String endColumn,
                         Integer withinCheckpoints, String timeout) {
    }

    /** {@code dedup: { input: orders, key: order_id, keep: first }} */
    record DedupDocument(String input, String key, String keep) {
    }
}
