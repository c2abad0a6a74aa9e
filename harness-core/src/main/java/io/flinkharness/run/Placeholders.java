package io.flinkharness.run;

import io.flinkharness.env.FlinkKafkaEnvironment;
import java.util.LinkedHashMap;
import java.util.TreeMap;

import io.flinkharness.gateway.SqlStatement;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${name}} placeholders in SQL. An unknown placeholder is an error that lists the known ones; a
 * {@code ${} that does not start a placeholder (e.g. {@code ${topic clicks}}) is an error too.
 */
final class Placeholders {
    /** A placeholder (group 1 is its name), or else a malformed one: {@code ${} up to a closing brace or line end. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?:([A-Za-z0-9_.\\-]+)}|[^}\\n]*}?)");

    private final Map<String, String> values;

    Placeholders(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * The placeholders an environment gives every statement: {@code ${bootstrap.servers}} as the jobs reach Kafka,
     * and {@code ${kafka.options}}, the Kafka table options for the cluster ({@code 'properties.bootstrap.servers'}
     * and every job client setting, e.g. security).
     */
    static Map<String, String> ofEnvironment(FlinkKafkaEnvironment env) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bootstrap.servers", env.jobBootstrapServers());
        StringBuilder options = new StringBuilder("'properties.bootstrap.servers' = '")
                .append(quoted(env.jobBootstrapServers())).append('\'');
        new TreeMap<>(env.jobKafkaProperties()).forEach((k, v) -> options.append(", 'properties.").append(quoted(k))
                .append("' = '").append(quoted(v)).append('\''));
        values.put("kafka.options", options.toString());
        return values;
    }

    private static String quoted(String literal) {
        return literal.replace("'", "''");
    }

    SqlStatement apply(SqlStatement statement) {
        Matcher m = PLACEHOLDER.matcher(statement.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(valueOf(m, statement)));
        }
        m.appendTail(out);
        return new SqlStatement(out.toString(), statement.source(), statement.index(), statement.line());
    }

    /** The text with every known placeholder replaced; anything else is left as written. */
    String replaceKnown(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1) == null ? null : values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String valueOf(Matcher placeholder, SqlStatement statement) {
        String name = placeholder.group(1);
        if (name == null) {
            throw new IllegalArgumentException(statement.location() + ": malformed placeholder '" + placeholder.group()
                    + "' — placeholders look like ${topic.NAME}, ${bootstrap.servers}, ${case.id}");
        }
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(statement.location() + ": unknown placeholder ${" + name
                    + "}; known placeholders: " + new TreeSet<>(values.keySet())
                    + " (topics must be declared in the case to get a ${topic.NAME} placeholder)");
        }
        return value;
    }
}
