package io.flinkharness.cli.validate;

import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.run.SqlCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a case's SQL may use, with stand-in values for planning: nothing is connected to while a
 * statement is only planned, so {@code ${bootstrap.servers}} can point nowhere. A placeholder the run would
 * reject (unknown, or a topic the case does not declare, or malformed) is a problem at its line and column.
 */
final class DummyPlaceholders {
    static final String BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    static final String SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081";
    static final String CASE_ID = "validate";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?:([A-Za-z0-9_.\\-]+)}|[^}\\n]*}?)");

    private final Map<String, String> values;

    private DummyPlaceholders(Map<String, String> values) {
        this.values = values;
    }

    static DummyPlaceholders forCase(SqlCase sqlCase) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bootstrap.servers", BOOTSTRAP_SERVERS);
        values.put("kafka.options", "'properties.bootstrap.servers' = '" + BOOTSTRAP_SERVERS + "'");
        values.put("case.id", CASE_ID);
        values.put("schema.registry.url", SCHEMA_REGISTRY_URL);
        sqlCase.topics().keySet().forEach(topic -> values.put("topic." + topic, topic));
        return new DummyPlaceholders(values);
    }

    /** The statement with every placeholder replaced, or the problem with the first one that cannot be. */
    Resolved apply(Script.Statement at) {
        SqlStatement statement = at.statement();
        Matcher m = PLACEHOLDER.matcher(statement.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1) == null ? null : values.get(m.group(1));
            if (value == null) {
                return new Resolved(statement, Optional.of(problem(at, m)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Resolved(new SqlStatement(out.toString(), statement.source(), statement.index(), statement.line()),
                Optional.empty());
    }

    /** A statement ready to plan, or the placeholder problem that stops it. */
    record Resolved(SqlStatement statement, Optional<SqlProblem> problem) {
    }

    private SqlProblem problem(Script.Statement at, Matcher placeholder) {
        String text = at.statement().text();
        int line = 1 + (int) text.substring(0, placeholder.start()).chars().filter(c -> c == '\n').count();
        int column = placeholder.start() - text.lastIndexOf('\n', placeholder.start() - 1);
        String headline = placeholder.group(1) == null
                ? "malformed placeholder '" + placeholder.group() + "' — placeholders look like ${topic.NAME},"
                        + " ${bootstrap.servers}, ${case.id}"
                : "unknown placeholder ${" + placeholder.group(1) + "}; known placeholders: "
                        + new TreeSet<>(values.keySet()) + " (topics must be declared in the case to get a"
                        + " ${topic.NAME} placeholder)";
        return SqlProblem.at(at, line, column, headline, List.of());
    }
}
