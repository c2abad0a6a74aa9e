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

    private static final java.util.regex.Pattern CREATE_TABLE = java.util.regex.Pattern.compile(
            "(?is)^\\s*(?:--[^\\n]*\\n\\s*)*CREATE\\s+(?:TEMPORARY\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "((?:`[^`]+`|[\\w$]+)(?:\\s*\\.\\s*(?:`[^`]+`|[\\w$]+))*)");

    /**
     * The name of the table a {@code CREATE TABLE} statement creates, without catalog, database or backquotes;
     * empty for any other statement.
     */
    public java.util.Optional<String> createdTable() {
        java.util.regex.Matcher m = CREATE_TABLE.matcher(text);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        String[] parts = m.group(1).split("\\s*\\.\\s*");
        return java.util.Optional.of(parts[parts.length - 1].replace("`", ""));
    }

    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile(
            "(?is)^\\s*(?:--[^\\n]*\\n\\s*)*(?:SELECT|WITH|VALUES|TABLE)\\b.*");

    /** Whether the statement is a query ({@code SELECT}, {@code WITH}, {@code VALUES}): it returns rows, writes none. */
    public boolean isQuery() {
        return QUERY.matcher(text).matches();
    }

    /** The first words of the statement, for short messages. */
    public String head() {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }
}
