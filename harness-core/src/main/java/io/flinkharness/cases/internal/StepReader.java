package io.flinkharness.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.cases.internal.CaseDocument.AdvanceDocument;
import io.flinkharness.cases.internal.CaseDocument.AwaitDocument;
import io.flinkharness.cases.internal.CaseDocument.FireDocument;
import io.flinkharness.cases.internal.CaseDocument.StepDocument;
import io.flinkharness.internal.Suggestions;
import io.flinkharness.run.CaseStep;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads one step of {@code run.steps} into a {@link CaseStep}: a topic sent must have declared input, a table
 * named must be created by the case's DDL, instants are ISO-8601 and an await has exactly one condition. Not part
 * of the public API.
 */
final class StepReader {
    static final String EXPECTATIONS = "expectations";
    private static final String KINDS = "write one of send: TOPIC, advance: {...}, fire: {...}, await: expectations,"
            + " await: {...}";
    private static final List<String> CONDITIONS = List.of("rowCount", "atLeastRows", "windowEnd");

    private final Problems problems;
    private final Set<String> topics;
    private final List<String> inputTopics;
    private final List<String> tables;

    /**
     * @param topics the declared topics
     * @param inputTopics the topics with declared input (input or generate)
     * @param tables the tables the case's DDL creates
     */
    StepReader(Problems problems, Set<String> topics, List<String> inputTopics, List<String> tables) {
        this.problems = problems;
        this.topics = topics;
        this.inputTopics = inputTopics;
        this.tables = tables;
    }

    CaseStep read(String path, StepDocument step) {
        Map<String, Object> kinds = kinds(step);
        if (kinds.isEmpty()) {
            throw problems.atValue(path, "empty step", KINDS);
        }
        if (kinds.size() > 1) {
            throw problems.atValue(path, "a step does one thing, this one has " + String.join(" and ", kinds.keySet()),
                    "write one step per list entry: '- " + String.join(": ...' and '- ", kinds.keySet()) + ": ...'");
        }
        String kind = kinds.keySet().iterator().next();
        String at = FieldPath.field(path, kind);
        return switch (kind) {
            case "send" -> send(at, step.send());
            case "advance" -> advance(at, step.advance());
            case "fire" -> fire(at, step.fire());
            default -> await(at, step.await());
        };
    }

    private static Map<String, Object> kinds(StepDocument step) {
        Map<String, Object> kinds = new LinkedHashMap<>();
        if (step == null) {
            return kinds;
        }
        putIfPresent(kinds, "send", step.send() == null || step.send().isNull() ? null : step.send());
        putIfPresent(kinds, "advance", step.advance());
        putIfPresent(kinds, "fire", step.fire());
        putIfPresent(kinds, "await", step.await() == null || step.await().isNull() ? null : step.await());
        return kinds;
    }

    private static void putIfPresent(Map<String, Object> kinds, String kind, Object value) {
        if (value != null) {
            kinds.put(kind, value);
        }
    }

    private CaseStep send(String path, JsonNode node) {
        if (node.isTextual()) {
            return new CaseStep.Send(inputTopic(path, node.asText()));
        }
        if (!node.isObject()) {
            throw problems.atValue(path, "expected a topic or a mapping, got " + problems.describe(path),
                    "write send: clicks (what is left of its input), or send: { topic: clicks, records: 3 }");
        }
        CaseDocument.SendDocument doc = CaseFileReader.bind(node, CaseDocument.SendDocument.class,
                problems.nested(path));
        if (doc.topic() == null) {
            throw problems.atValue(FieldPath.field(path, "topic"), "missing", "name the topic whose input to send,"
                    + " one of " + String.join(", ", inputTopics));
        }
        String topic = inputTopic(FieldPath.field(path, "topic"), doc.topic());
        if (doc.records() != null && doc.records() < 1) {
            throw problems.atValue(FieldPath.field(path, "records"), "must be at least 1, got " + doc.records(),
                    "give how many of the next records of the topic's input to send; leave it out for all");
        }
        return new CaseStep.Send(topic, doc.records() == null ? OptionalInt.empty() : OptionalInt.of(doc.records()));
    }

    private String inputTopic(String path, String topic) {
        if (!inputTopics.contains(topic)) {
            if (!topics.contains(topic)) {
                throw problems.atValue(path, CaseAssembler.notDeclared(topic),
                        Suggestions.didYouMean(topic, inputTopics, "topics with input"));
            }
            throw problems.atValue(path, "topic '" + topic + "' has no declared input to send",
                    "declare its records under input." + topic + " (or generate." + topic + "); topics with input: "
                            + String.join(", ", inputTopics));
        }
        return topic;
    }

    private CaseStep advance(String path, AdvanceDocument doc) {
        String table = table(path, doc.table());
        Instant to = instant(FieldPath.field(path, "to"), doc.to(), "the event time of the heartbeats");
        List<Integer> partitions = doc.partitions() == null ? List.of() : doc.partitions();
        for (int i = 0; i < partitions.size(); i++) {
            if (partitions.get(i) == null || partitions.get(i) < 0) {
                throw problems.atValue(FieldPath.index(FieldPath.field(path, "partitions"), i), "partition "
                        + partitions.get(i) + " does not exist", "partitions are numbered from 0");
            }
        }
        return new CaseStep.Advance(table, to, partitions, values(FieldPath.field(path, "values"), doc.values()));
    }

    private CaseStep fire(String path, FireDocument doc) {
        String table = table(path, doc.table());
        Instant end = instant(FieldPath.field(path, "windowEnd"), doc.windowEnd(), "the end of the window to fire");
        return new CaseStep.Fire(table, end, values(FieldPath.field(path, "values"), doc.values()));
    }

    private CaseStep await(String path, JsonNode node) {
        if (node.isTextual()) {
            if (!EXPECTATIONS.equals(node.asText())) {
                throw problems.atValue(path, "unknown await '" + node.asText() + "'", "write await: expectations,"
                        + " or await: { table: ..., rowCount: N | atLeastRows: N | windowEnd: '...' }");
            }
            return CaseStep.AwaitExpectations.withRunLimit();
        }
        if (!node.isObject()) {
            throw problems.atValue(path, "expected 'expectations' or a mapping, got " + problems.describe(path),
                    "write await: expectations, or await: { table: counts, rowCount: 3 }");
        }
        AwaitDocument doc = CaseFileReader.bind(node, AwaitDocument.class, problems.nested(path));
        String table = table(path, doc.table());
        CaseStep.Condition condition = condition(path, doc);
        OptionalInt within = OptionalInt.empty();
        if (doc.withinCheckpoints() != null) {
            if (doc.withinCheckpoints() < 1) {
                throw problems.atValue(FieldPath.field(path, "withinCheckpoints"), "must be at least 1, got "
                        + doc.withinCheckpoints(), "output is committed at a checkpoint: give 1 or more");
            }
            within = OptionalInt.of(doc.withinCheckpoints());
        }
        Optional<Duration> timeout = doc.timeout() == null ? Optional.empty()
                : Optional.of(Timeouts.parse(FieldPath.field(path, "timeout"), doc.timeout(), problems));
        return new CaseStep.AwaitTable(table, condition, within, timeout);
    }

    private CaseStep.Condition condition(String path, AwaitDocument doc) {
        List<String> given = new ArrayList<>();
        if (doc.rowCount() != null) {
            given.add("rowCount");
        }
        if (doc.atLeastRows() != null) {
            given.add("atLeastRows");
        }
        if (doc.windowEnd() != null) {
            given.add("windowEnd");
        }
        if (given.size() != 1) {
            throw problems.atValue(path, given.isEmpty() ? "no condition to await" : "several conditions ("
                    + String.join(", ", given) + ")", "give one of " + String.join(", ", CONDITIONS)
                    + (given.isEmpty() ? "" : "; await them in separate steps"));
        }
        if (doc.endColumn() != null && doc.windowEnd() == null) {
            throw problems.atKey(FieldPath.field(path, "endColumn"), "endColumn without windowEnd",
                    "endColumn names the column that holds the window end awaited with windowEnd", null);
        }
        return switch (given.get(0)) {
            case "rowCount" -> new CaseStep.RowCount(count(FieldPath.field(path, "rowCount"), doc.rowCount()));
            case "atLeastRows" -> new CaseStep.AtLeastRows(count(FieldPath.field(path, "atLeastRows"),
                    doc.atLeastRows()));
            default -> new CaseStep.WindowFired(doc.endColumn() == null ? "window_end" : doc.endColumn(),
                    instant(FieldPath.field(path, "windowEnd"), doc.windowEnd(), "the end of the window awaited"));
        };
    }

    private int count(String path, int rows) {
        if (rows < 0) {
            throw problems.atValue(path, "cannot be negative, got " + rows, "give a number of rows, 0 or more");
        }
        return rows;
    }

    /** The table at {@code path}.table, which the case's DDL must create. */
    private String table(String path, String table) {
        String at = FieldPath.field(path, "table");
        if (table == null || table.isBlank()) {
            throw problems.atValue(at, "missing", "name a table of the case's ddl: " + String.join(", ", tables));
        }
        for (String created : tables) {
            if (created.equalsIgnoreCase(table)) {
                return created;
            }
        }
        throw problems.atValue(at, "no CREATE TABLE " + table + " in the case's ddl",
                Suggestions.didYouMean(table, tables, "tables of the ddl"));
    }

    private Instant instant(String path, String text, String what) {
        if (text == null) {
            throw problems.atValue(path, "missing", "give " + what + " as an ISO-8601 instant, e.g."
                    + " '2026-01-01T00:01:00Z'");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw problems.atValue(path, "'" + text + "' is not an ISO-8601 instant", "write e.g."
                    + " '2026-01-01T00:01:00Z' (UTC, with T and Z)");
        }
    }

    /** The heartbeats' field values; a field left empty would be generated, so say so. */
    private Map<String, Object> values(String path, Map<String, Object> values) {
        if (values == null) {
            return Map.of();
        }
        values.forEach((field, value) -> {
            if (value == null) {
                throw problems.atValue(FieldPath.field(path, field), "no value", "give the heartbeats' value of "
                        + field + ", e.g. " + field + ": heartbeat, or leave the field out to have it generated");
            }
        });
        return values;
    }
}
