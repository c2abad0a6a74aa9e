package io.flinkharness.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements at semicolons that are outside string literals, quoted identifiers and
 * comments, remembering the line on which each statement starts. The semicolons inside a statement set
 * ({@code EXECUTE STATEMENT SET BEGIN ...; ...; END}) stay in it: the whole set is one statement.
 *
 * <pre>{@code
 * List<SqlStatement> statements = SqlScript.split("CREATE TABLE a (...);\nINSERT INTO ...;", "orders.sql");
 * }</pre>
 */
public final class SqlScript {
    private SqlScript() {
    }

    public static List<SqlStatement> split(String script, String source) {
        return split(script, source, 1);
    }

    /** As {@link #split(String, String)}, for a script that starts on line {@code firstLine} of its source. */
    public static List<SqlStatement> split(String script, String source, int firstLine) {
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = firstLine;
        int startLine = -1;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end = skipQuotedOrComment(script, i);
            if (end > i) {
                boolean comment = c == '-' || c == '/';
                if (!comment && startLine < 0) {
                    startLine = line;
                }
                String chunk = script.substring(i, end);
                if (startLine >= 0 && !chunk.startsWith("--")) {
                    current.append(chunk);
                }
                line += count(chunk, '\n');
                i = end;
                continue;
            }
            if (c == ';' && insideStatementSet(current)) {
                current.append(c);
            } else if (c == ';') {
                add(statements, current, source, startLine);
                current.setLength(0);
                startLine = -1;
            } else {
                if (startLine < 0 && !Character.isWhitespace(c)) {
                    startLine = line;
                }
                if (startLine >= 0) {
                    current.append(c);
                }
                if (c == '\n') {
                    line++;
                }
            }
            i++;
        }
        add(statements, current, source, startLine);
        return List.copyOf(statements);
    }

    /**
     * Whether {@code text} opens an {@code EXECUTE STATEMENT SET BEGIN ... END} block that has not reached its
     * {@code END} yet, so a semicolon belongs to the block. ({@code BEGIN STATEMENT SET; ...; END;} is a
     * sequence of statements that the gateway session collects itself, so it is split as usual.)
     */
    private static boolean insideStatementSet(CharSequence text) {
        String code = text.toString().replaceAll("(?s)/\\*.*?\\*/", " ").strip().replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
        boolean opened = code.startsWith("EXECUTE STATEMENT SET BEGIN");
        return opened && !code.matches(".*\\bEND");
    }

    private static void add(List<SqlStatement> statements, StringBuilder text, String source, int line) {
        String statement = text.toString().strip();
        if (!statement.isEmpty() && !statement.replaceAll("/\\*.*?\\*/", "").isBlank()) {
            statements.add(new SqlStatement(statement, source, statements.size() + 1, line));
        }
    }

    /** End index of a literal, quoted identifier or comment starting at {@code i}, or {@code i} if none does. */
    private static int skipQuotedOrComment(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < s.length()) {
                if (s.charAt(j) == c) {
                    if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return s.length();
        }
        if (s.startsWith("--", i)) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl;
        }
        if (s.startsWith("/*", i)) {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        return i;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
