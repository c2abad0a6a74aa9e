package io.flinkharness.cases.internal;

import io.flinkharness.internal.Suggestions;
import io.flinkharness.cases.internal.CaseDocument.ExpectDocument;
import io.flinkharness.cases.internal.CaseDocument.InputDocument;
import io.flinkharness.cases.internal.CaseDocument.TopicDocument;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        if (doc.tags() != null) {
            tags(doc.tags(), builder);
        }
        Script ddl = script("ddl", doc.ddl(), doc.ddlFile(), false,
                "give the statement under test, e.g. dml: INSERT INTO counts SELECT ...");
        Script dml = script("dml", doc.dml(), doc.dmlFile(), true,
                "give the statement under test, e.g. dml: INSERT INTO counts SELECT ...");
        Map<String, TopicDocument> topics = topics(doc.topics(), builder);
        inputs(doc.input(), topics, builder);
        new GeneratedInputs(problems, new CaseSchemas(problems.file(), ddl.text()))
                .add(doc.generate(), doc.input(), topics, builder);
        builder.ddl(ddl.text());
        builder.dml(dml.text());
        builder.scriptLines(ddl.line(), dml.line());
        builder.scriptSources(ddl.source(), dml.source());
        expectations(doc.expect(), topics.keySet(), doc.generate() == null ? Set.of() : doc.generate().keySet(),
                builder);
        if (doc.validate() != null) {
            validations(doc.validate(), builder);
        }
        builder.run(new RunSection(problems).read(doc.run(), topics.keySet(), inputTopics(doc, topics.keySet()),
                io.flinkharness.gateway.SqlScript.split(ddl.text(), ddl.source() != null ? ddl.source()
                        : problems.file() + " ddl", ddl.line())));
        return build(builder);
    }

    /** A SQL script as the case gives it, inline or in a file, and where it starts for messages. */
    private record Script(String text, int line, String source) {
    }

    /**
     * The {@code ddl} or {@code dml} script: inline text ({@code field}) or a file ({@code fieldFile}, relative to
     * the case file's folder), not both.
     */
    private Script script(String field, String inline, String file, boolean required, String fix) {
        String fileField = field + "File";
        if (inline != null && file != null) {
            throw problems.atKey(fileField, "both " + field + " and " + fileField + " are given",
                    "give the SQL inline (" + field + ") or in a file (" + fileField + "), not both", null);
        }
        if (file != null) {
            Path base = problems.file().toAbsolutePath().getParent();
            Path path = base.resolve(file).normalize();
            if (!Files.isRegularFile(path)) {
                throw problems.atValue(fileField, "no file " + path, "the path is relative to the folder of "
                        + problems.file().getFileName());
            }
            try {
                String text = Files.readString(path);
                if (required && text.isBlank()) {
                    throw problems.atValue(fileField, "the file " + path + " is empty", fix);
                }
                Path shown = problems.file().getParent() == null ? Path.of(file) : problems.file().getParent().resolve(file);
                return new Script(text, 1, shown.normalize().toString());
            } catch (IOException e) {
                throw problems.atValue(fileField, "cannot read " + path + ": " + e.getMessage(), "", e);
            }
        }
        if (required) {
            required(inline, field, fix + " (or " + fileField + ": path/to/statement.sql)");
        }
        return new Script(inline == null ? "" : inline, firstLine(field, inline), null);
    }

    private void validations(List<CaseDocument.ValidateDocument> queries, SqlCase.Builder builder) {
        for (int i = 0; i < queries.size(); i++) {
            String path = FieldPath.index("validate", i);
            CaseDocument.ValidateDocument q = queries.get(i);
            if (q == null) {
                throw problems.atValue(path, "empty validation query", "write { sql: SELECT ..., rows: [] }");
            }
            String sql = required(q.sql(), FieldPath.field(path, "sql"), "write the query, e.g. sql: SELECT order_id"
                    + " FROM first_orders GROUP BY order_id HAVING COUNT(*) > 1");
            if (q.rows() == null) {
                throw problems.atValue(FieldPath.field(path, "rows"), "missing", "list the rows the query must"
                        + " return; write rows: [] for none");
            }
            List<io.flinkharness.rows.Row> rows = new java.util.ArrayList<>();
            for (int r = 0; r < q.rows().size(); r++) {
                if (q.rows().get(r) == null) {
                    throw problems.atValue(FieldPath.index(FieldPath.field(path, "rows"), r), "empty row",
                            "write { column: value, ... }");
                }
                rows.add(io.flinkharness.rows.Row.of(q.rows().get(r)));
            }
            com.fasterxml.jackson.core.JsonLocation at = problems.valueLocation(FieldPath.field(path, "sql"));
            String source = problems.file() + ":" + (at == null ? 1 : at.getLineNr()) + " "
                    + problems.inFile(path);
            builder.validate(new io.flinkharness.run.ValidationQuery(q.name() == null ? "query " + (i + 1) : q.name(),
                    sql, rows, source));
        }
    }

    private void tags(List<String> tags, SqlCase.Builder builder) {
        for (String tag : tags) {
            if (tag == null || tag.isBlank() || !tag.matches("[A-Za-z0-9_.-]+")) {
                // tags of a case add to the shared ones, so the index would not be the one written: name the list
                throw problems.atValue("tags", "tag '" + tag + "' is not a word",
                        "use letters, digits, '.', '_' and '-', e.g. tags: [smoke, windows]");
            }
        }
        builder.tags(tags);
    }

    /**
     * The file line on which a SQL field's text starts: the value's own line, or the next one for a block
     * scalar ({@code ddl: |}), whose text always ends in a line break.
     */
    private int firstLine(String field, String text) {
        com.fasterxml.jackson.core.JsonLocation at = problems.valueLocation(field);
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
        topics.forEach((topic, spec) -> {
            if (!topic.matches("[A-Za-z0-9._-]+")) {
                throw problems.atKey(FieldPath.field("topics", topic), "'" + topic + "' is not a valid Kafka topic"
                        + " name", "use letters, digits, '.', '_' and '-'", null);
            }
            builder.topic(topic, partitions(topic, spec));
        });
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

    /** The declared topics with input or generated input, in the order the topics are declared. */
    private static List<String> inputTopics(CaseDocument doc, Set<String> topics) {
        return topics.stream().filter(t -> (doc.input() != null && doc.input().containsKey(t))
                || (doc.generate() != null && doc.generate().containsKey(t))).toList();
    }

    static String notDeclared(String topic) {
        return "topic '" + topic + "' is not declared under topics";
    }

    static String declaredTopics(String topic, Set<String> declared) {
        return Suggestions.didYouMean(topic, declared, "declared topics");
    }

    private void expectations(List<ExpectDocument> expect, Set<String> topics, Set<String> generated,
                              SqlCase.Builder builder) {
        if (expect == null) {
            return;
        }
        Expectations reader = new Expectations(problems, generated);
        for (int i = 0; i < expect.size(); i++) {
            expectation(FieldPath.index("expect", i), expect.get(i), topics, reader, builder);
        }
    }

    private void expectation(String path, ExpectDocument doc, Set<String> topics, Expectations reader,
                             SqlCase.Builder builder) {
        if (doc == null) {
            throw problems.atValue(path, "empty expectation", "write { topic: ..., mode: append, rows: [...] }");
        }
        String topic = required(doc.topic(), FieldPath.field(path, "topic"), "name the output topic, one of " + topics);
        if (!topics.contains(topic)) {
            throw problems.atValue(FieldPath.field(path, "topic"), notDeclared(topic), declaredTopics(topic, topics));
        }
        builder.expect(reader.read(path, doc, topic));
    }

    /** Anything {@link SqlCase} still rejects becomes a problem of the file as a whole. */
    private SqlCase build(SqlCase.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            if (problems.has("run.steps") && e.getMessage().contains(SqlCase.STEPS_PROBLEM)) {
                // how many records the sends take is known once generated input has its size
                throw problems.atKey("run.steps", e.getMessage(), "", e);
            }
            throw problems.at(null, FieldPath.ROOT, e.getMessage(), "", e);
        }
    }
}
