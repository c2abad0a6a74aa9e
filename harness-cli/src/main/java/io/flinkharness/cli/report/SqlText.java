package io.flinkharness.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough reading of SQL text to find calls and their arguments: comments (and string literals) blanked out
 * with spaces, so positions stay the same, and the top-level arguments of a call.
 */
final class SqlText {
    private SqlText() {
    }

    /** The SQL with {@code -- ...} and {@code /* ... *}{@code /} comments replaced by spaces. */
    static String blankComments(String sql) {
        return blank(sql, false);
    }

    /** The SQL with comments and the contents of quoted strings and identifiers replaced by spaces. */
    static String blankCommentsAndQuotes(String sql) {
        return blank(sql, true);
    }

    /**
     * The top-level arguments of the call whose opening parenthesis is at {@code open}, split at commas outside
     * parentheses and quotes; as written, not stripped.
     */
    static List<String> arguments(String sql, int open) {
        String masked = blankCommentsAndQuotes(sql);
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                args.add(sql.substring(start, i));
                return args;
            } else if (c == ',' && depth == 0) {
                args.add(sql.substring(start, i));
                start = i + 1;
            }
        }
        args.add(sql.substring(start));
        return args;
    }

    private static String blank(String sql, boolean quotes) {
        StringBuilder out = new StringBuilder(sql);
        int i = 0;
        while (i < sql.length()) {
            int end = endOfSkipped(sql, i);
            if (end == i) {
                i++;
                continue;
            }
            boolean comment = sql.charAt(i) == '-' || sql.charAt(i) == '/';
            if (comment || quotes) {
                int from = comment ? i : i + 1;
                int to = comment ? end : Math.max(from, end - 1);
                for (int k = from; k < to; k++) {
                    out.setCharAt(k, sql.charAt(k) == '\n' ? '\n' : ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }

    /** The end of the comment or quoted text starting at {@code i}, or {@code i} if none starts there. */
    private static int endOfSkipped(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int end = sql.indexOf(c, i + 1);
            while (end > 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                end = sql.indexOf(c, end + 2);
            }
            return end < 0 ? sql.length() : end + 1;
        }
        if (sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end;
        }
        if (sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i;
    }
}
