package io.flinkharness.cli.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the {@code WITH (...)} options of a CREATE TABLE statement as text, so that everything else the user
 * wrote (columns, comments, layout) stays as it was. Immutable: every edit returns a new instance.
 *
 * <pre>{@code
 * String ddl = WithOptions.of(createTable).set("topic", "${topic.clicks}")
 *         .remove(key -> key.startsWith("properties.sasl.")).text();
 * }</pre>
 */
final class WithOptions {
    private static final Pattern WITH = Pattern.compile("(?i)\\bWITH\\s*\\(");
    private static final Pattern ENTRY = Pattern.compile("'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'");

    private final String text;
    private final int open;
    private final int close;

    private WithOptions(String text, int open, int close) {
        this.text = text;
        this.open = open;
        this.close = close;
    }

    /** The options of a statement; a statement without a WITH clause gets one at its end. */
    static WithOptions of(String statement) {
        String blanked = blankQuotedAndComments(statement);
        Matcher m = WITH.matcher(blanked);
        int open = -1;
        while (m.find()) {
            if (depthAt(blanked, m.start()) == 0) {
                open = m.end() - 1;
            }
        }
        if (open < 0) {
            String withClause = statement.stripTrailing() + " WITH (\n)";
            return of(withClause);
        }
        return new WithOptions(statement, open, closing(blanked, open));
    }

    String text() {
        return text;
    }

    Optional<String> get(String key) {
        return entries().stream().filter(e -> e.key.equals(key)).findFirst().map(e -> e.value);
    }

    /** Sets an option: its value replaced where it is, or a new line after the last option. */
    WithOptions set(String key, String value) {
        String quoted = "'" + value.replace("'", "''") + "'";
        Optional<Entry> existing = entries().stream().filter(e -> e.key.equals(key)).findFirst();
        if (existing.isPresent()) {
            return edit(existing.get().valueStart, existing.get().end, quoted);
        }
        List<Entry> entries = entries();
        String entry = "'" + key.replace("'", "''") + "' = " + quoted;
        if (entries.isEmpty()) {
            return edit(open + 1, open + 1, "\n  " + entry + "\n");
        }
        Entry last = entries.get(entries.size() - 1);
        return edit(last.end, last.end, ",\n" + indentOf(last.start) + entry);
    }

    /** Removes every option whose key matches, with the comma that separates it from its neighbour. */
    WithOptions remove(Predicate<String> key) {
        WithOptions result = this;
        Optional<Entry> next;
        while ((next = result.entries().stream().filter(e -> key.test(e.key)).findFirst()).isPresent()) {
            result = result.removeEntry(next.get());
        }
        return result;
    }

    private WithOptions removeEntry(Entry entry) {
        int before = entry.start;
        while (before > open + 1 && Character.isWhitespace(text.charAt(before - 1))) {
            before--;
        }
        if (text.charAt(before - 1) == ',') {
            return edit(before - 1, entry.end, "");
        }
        int after = entry.end;
        while (after < close && (Character.isWhitespace(text.charAt(after)) || text.charAt(after) == ',')) {
            after++;
        }
        return edit(entry.start, after, "");
    }

    private WithOptions edit(int from, int to, String replacement) {
        String edited = text.substring(0, from) + replacement + text.substring(to);
        return new WithOptions(edited, open, close + replacement.length() - (to - from));
    }

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(text).region(open + 1, close);
        while (m.find()) {
            entries.add(new Entry(m.group(1).replace("''", "'"), m.group(2).replace("''", "'"), m.start(),
                    m.start(2) - 1, m.end()));
        }
        return entries;
    }

    /** The whitespace that starts the line {@code index} is on, up to the first other character. */
    private String indentOf(int index) {
        int lineStart = text.lastIndexOf('\n', index - 1) + 1;
        int i = lineStart;
        while (i < index && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i == index ? text.substring(lineStart, i) : "  ";
    }

    /** One {@code 'key' = 'value'}: where it starts, where its quoted value starts, where it ends. */
    private record Entry(String key, String value, int start, int valueStart, int end) {
    }

    private static int closing(String blanked, int open) {
        int depth = 0;
        for (int i = open; i < blanked.length(); i++) {
            char c = blanked.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("the WITH clause has no closing parenthesis");
    }

    private static int depthAt(String blanked, int end) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            char c = blanked.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth;
    }

    /** The text with string literals, quoted identifiers and comments replaced by spaces (same length). */
    private static String blankQuotedAndComments(String sql) {
        StringBuilder out = new StringBuilder(sql);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = i;
            if (c == '\'' || c == '`' || c == '"') {
                end = sql.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                end = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
            }
            if (end > i) {
                for (int j = i; j < end; j++) {
                    if (sql.charAt(j) != '\n') {
                        out.setCharAt(j, ' ');
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
