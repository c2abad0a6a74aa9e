package io.flinkharness.results.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows as an aligned text table under one header, in sections, each line marked ({@code -} expected,
 * {@code +} actual, or a blank), with a caret line under the cells in which a pair of rows differs:
 *
 * <pre>
 *       user  | clicks
 *   differing (1):
 *     - alice | 3
 *     + alice | 2
 *               ^
 * </pre>
 *
 * Columns are separated by {@code " | "}; lines carry no trailing blanks. Not part of the public API.
 */
public final class TextTable {
    private final List<String> header;
    private final List<Object> entries = new ArrayList<>();
    private boolean sections;

    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    private record Title(String text) {
    }

    private record Line(char marker, List<String> cells) {
    }

    private record Pair(List<String> minus, List<String> plus, boolean[] differs) {
    }

    private record Note(String text) {
    }

    /** Starts a section: {@code "  missing (2):"}. */
    public TextTable section(String title) {
        sections = true;
        entries.add(new Title(title));
        return this;
    }

    public TextTable line(char marker, List<String> cells) {
        entries.add(new Line(marker, cells));
        return this;
    }

    /** An expected row and the actual row it came closest to, with the cells that differ marked. */
    public TextTable pair(List<String> minus, List<String> plus, boolean[] differs) {
        entries.add(new Pair(minus, plus, differs.clone()));
        return this;
    }

    /** A line of text in place of rows, e.g. {@code "… and 37 more"}. */
    public TextTable note(String text) {
        entries.add(new Note(text));
        return this;
    }

    public String render() {
        int[] widths = widths();
        String indent = sections ? "    " : "  ";
        List<String> lines = new ArrayList<>();
        lines.add(row(indent + "  ", header, widths));
        for (Object entry : entries) {
            if (entry instanceof Title t) {
                lines.add("  " + t.text());
            } else if (entry instanceof Line l) {
                lines.add(row(indent + l.marker() + " ", l.cells(), widths));
            } else if (entry instanceof Pair p) {
                lines.add(row(indent + "- ", p.minus(), widths));
                lines.add(row(indent + "+ ", p.plus(), widths));
                lines.add(carets(indent + "  ", p, widths));
            } else {
                lines.add(indent + ((Note) entry).text());
            }
        }
        return String.join("\n", lines);
    }

    private int[] widths() {
        int[] widths = new int[header.size()];
        measure(widths, header);
        for (Object entry : entries) {
            if (entry instanceof Line l) {
                measure(widths, l.cells());
            } else if (entry instanceof Pair p) {
                measure(widths, p.minus());
                measure(widths, p.plus());
            }
        }
        return widths;
    }

    private static void measure(int[] widths, List<String> cells) {
        for (int i = 0; i < widths.length && i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], cells.get(i).length());
        }
    }

    private static String row(String prefix, List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            out.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - cell.length()));
        }
        return stripTrailing(out);
    }

    private static String carets(String prefix, Pair pair, int[] widths) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < widths.length; i++) {
            int length = Math.max(pair.minus().get(i).length(), pair.plus().get(i).length());
            String mark = pair.differs()[i] ? "^".repeat(Math.max(1, length)) : " ".repeat(length);
            out.append(i == 0 ? "" : "   ").append(mark).append(" ".repeat(widths[i] - length));
        }
        return stripTrailing(out);
    }

    private static String stripTrailing(StringBuilder line) {
        return line.toString().stripTrailing();
    }
}
