package io.flinkharness.cases.internal;

import io.flinkharness.cases.internal.CaseDocument.ExpectDocument;
import io.flinkharness.cases.internal.CaseDocument.InputDocument;
import io.flinkharness.cases.internal.CaseDocument.TopicDocument;
import io.flinkharness.run.SqlCase;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a bound {@link CaseDocument} field by field and builds the {@link SqlCase}; every problem names the
 * field and its place in the file. Not part of the public API.
 */
final class CaseAssembler {
    private final Problems problems;
    private final InputRecords inputRecords;

    CaseAssembler(Problems problems) {
        this.problems = problems;
        this.inputRecords = new InputRecords(problems);
    }

    SqlCase assemble(CaseDocument doc) {
        String name = required(doc.name(), "name", "give the case a name, e.g. name: orders per minute");
        SqlCase.Builder builder = SqlCase.named(name).source(problems.file().toString());
        builder.timeout(doc.timeout() == null ? SqlCase.DEFAULT_TIMEOUT : Timeouts.parse(doc.timeout(), problems));
        Map<String, TopicDocument> topics = topics(doc.topics(), builder);
        inputs(doc.input(), topics, builder);
        new GeneratedInputs(problems, new CaseSchemas(problems.file(), doc.ddl()))
                .add(doc.generate(), doc.input(), topics, builder);
        builder.ddl(doc.ddl() == null ? "" : doc.ddl());
        builder.dml(required(doc.dml(), "dml",
                "give the statement under test, e.g. dml: INSERT INTO counts SELECT ..."));
        builder.scriptLines(firstLine("ddl", doc.ddl()), firstLine("dml", doc.dml()));
        expectations(doc.expect(), topics.keySet(), builder);
        return build(builder);
    }

    /**
     * The file line on which a SQL field's text starts: the value's own line, or the next one for a block
     * scalar ({@code ddl: |}), whose text always ends in a line break.
     */
    private int firstLine(String field, String text) {
        com.fasterxml.jackson.core.JsonLocation at = problems.index().valueLocation(field);
        if (at == null || text == null || at.getLineNr() < 1) {
            return 1;
        }
        return at.getLineNr() + (text.contains("\n") ? 1 : 0);
    }

    private String required(String value, String path, String fix) {
        if (value == null || value.isBlank()) {
            throw problems.atValue(path, value == null ? "missing" : "is empty", fix);
        }
        return value;
    }

    private Map<String, TopicDocument> topics(Map<String, TopicDocument> topics, SqlCase.Builder builder) {
        if (topics == null || topics.isEmpty()) {
            throw problems.atValue("topics", "no topics declared",
                    "declare every topic the case uses, e.g. topics: { orders: { partitions: 1 } }");
        }
        topics.forEach((topic, spec) -> builder.topic(topic, partitions(topic, spec)));
        return topics;
    }

    private int partitions(String topic, TopicDocument spec) {
        String path = FieldPath.field(FieldPath.field("topics", topic), "partitions");
        if (spec == null || spec.partitions() == null) {
            throw problems.atValue(path, "missing", "write " + topic + ": { partitions: 1 }");
        }
        if (spec.partitions() < 1) {
            throw problems.atValue(path, "must be at least 1, got " + spec.partitions(),
                    "a Kafka topic has 1 or more partitions");
        }
        return spec.partitions();
    }

    private void inputs(Map<String, List<InputDocument>> input, Map<String, TopicDocument> topics,
                        SqlCase.Builder builder) {
        if (input == null) {
            return;
        }
        input.forEach((topic, records) -> {
            String path = FieldPath.field("input", topic);
            if (!topics.containsKey(topic)) {
                throw problems.atKey(path, notDeclared(topic), declaredTopics(topic, topics.keySet()), null);
            }
            builder.input(topic, inputRecords.read(path, records == null ? List.of() : records,
                    topics.get(topic).partitions()));
        });
    }

    static String notDeclared(String topic) {
        return "topic '" + topic + "' is not declared under topics";
    }

    static String declaredTopics(String topic, Set<String> declared) {
        return Suggestions.didYouMean(topic, declared, "declared topics");
    }

    private void expectations(List<ExpectDocument> expect, Set<String> topics, SqlCase.Builder builder) {
        if (expect == null) {
            return;
        }
        for (int i = 0; i < expect.size(); i++) {
            expectation(FieldPath.index("expect", i), expect.get(i), topics, builder);
        }
    }

    private void expectation(String path, ExpectDocument doc, Set<String> topics, SqlCase.Builder builder) {
        if (doc == null) {
            throw problems.atValue(path, "empty expectation", "write { topic: ..., mode: append, rows: [...] }");
        }
        String topic = required(doc.topic(), FieldPath.field(path, "topic"), "name the output topic, one of " + topics);
        if (!topics.contains(topic)) {
            throw problems.atValue(FieldPath.field(path, "topic"), notDeclared(topic), declaredTopics(topic, topics));
        }
        builder.expect(new Expectations(problems).read(path, doc, topic));
    }

    /** Anything {@link SqlCase} still rejects becomes a problem of the file as a whole. */
    private SqlCase build(SqlCase.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw problems.at(null, FieldPath.ROOT, e.getMessage(), "", e);
        }
    }
}
