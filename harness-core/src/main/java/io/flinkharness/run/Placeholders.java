package io.flinkharness.run;

import io.flinkharness.gateway.SqlStatement;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${name}} placeholders in SQL; an unknown placeholder is an error that lists the known ones. */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

    private final Map<String, String> values;

    Placeholders(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    SqlStatement apply(SqlStatement statement) {
        Matcher m = PLACEHOLDER.matcher(statement.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(statement.location() + ": unknown placeholder ${" + m.group(1)
                        + "}; known placeholders: " + new TreeSet<>(values.keySet())
                        + " (topics must be declared in the case to get a ${topic.NAME} placeholder)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new SqlStatement(out.toString(), statement.source(), statement.index(), statement.line());
    }
}
