package io.flinkharness.gateway;

import java.util.Objects;

/**
 * One SQL statement of a script, with where it came from so errors can point at it.
 *
 * @param text the statement without its terminating semicolon
 * @param source where the script came from, e.g. a file name or "case 'tumble counts' ddl"
 * @param index 1-based position of the statement in its script
 * @param line 1-based line of the script on which the statement starts
 */
public record SqlStatement(String text, String source, int index, int line) {
    public SqlStatement {
        Objects.requireNonNull(text, "text cannot be null");
        Objects.requireNonNull(source, "source cannot be null");
    }

    /** A statement that is a script of its own. */
    public static SqlStatement of(String text) {
        return new SqlStatement(text, "statement", 1, 1);
    }

    /** Where the statement is, e.g. {@code statement 2 (line 7) of case 'x' ddl}. */
    public String location() {
        return "statement " + index + " (line " + line + ") of " + source;
    }

    /** The first words of the statement, for short messages. */
    public String head() {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }
}
