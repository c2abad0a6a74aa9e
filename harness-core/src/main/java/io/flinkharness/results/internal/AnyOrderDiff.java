package io.flinkharness.results.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expected rows against actual rows, order ignored (duplicates counted): the rows not found, the rows found but
 * not expected, and the pairs of those that differ in a few columns. In subset mode ({@code containsRows}) rows
 * that were not expected are allowed; they only serve as the closest rows of the missing ones. Windowed rows
 * are listed by window start. Not part of the public API.
 */
public final class AnyOrderDiff {
    private final List<String> header;
    private final Comparison comparison;
    private final boolean subset;
    private final List<Compared> missing;
    private final List<Compared> unexpected;
    private final List<Compared[]> pairs = new ArrayList<>();
    private final int missingCount;
    private final int unexpectedCount;

    public AnyOrderDiff(List<String> header, Comparison comparison, List<Compared> expected, List<Compared> actual,
                        boolean subset) {
        this(header, comparison, expected, actual, subset, List.of());
    }

    /** @param keyColumns positions of columns that identify a row: rows that share them are shown as pairs */
    public AnyOrderDiff(List<String> header, Comparison comparison, List<Compared> expected, List<Compared> actual,
                        boolean subset, List<Integer> keyColumns) {
        this.header = List.copyOf(header);
        this.comparison = comparison;
        this.subset = subset;
        Matching matching = Matching.of(comparison, expected, actual);
        List<Compared> notFound = matching.unmatchedExpected(expected);
        List<Compared> notExpected = matching.unmatchedActual(actual);
        missingCount = notFound.size();
        unexpectedCount = subset ? 0 : notExpected.size();
        boolean[] pairedMissing = new boolean[notFound.size()];
        boolean[] pairedUnexpected = new boolean[notExpected.size()];
        for (int[] pair : NearMisses.pair(comparison, notFound, notExpected, keyColumns)) {
            pairs.add(new Compared[] {notFound.get(pair[0]), notExpected.get(pair[1])});
            pairedMissing[pair[0]] = true;
            pairedUnexpected[pair[1]] = true;
        }
        missing = unpaired(notFound, pairedMissing);
        unexpected = subset ? new ArrayList<>() : unpaired(notExpected, pairedUnexpected);
        Sorting.byWindow(missing);
        Sorting.byWindow(unexpected);
        pairs.sort(Comparator.comparing(p -> p[0], Sorting.BY_WINDOW));
    }

    private static List<Compared> unpaired(List<Compared> rows, boolean[] paired) {
        List<Compared> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!paired[i]) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return missingCount == 0 && unexpectedCount == 0;
    }

    /** {@code but could not find 1 row, and found 1 unexpected row:} */
    public String butLine() {
        String notFound = "could not find " + Plural.rows(missingCount);
        String found = "found " + Plural.of(unexpectedCount, "unexpected row", "unexpected rows");
        if (missingCount > 0 && unexpectedCount > 0) {
            return "but " + notFound + ", and " + found + ":";
        }
        return "but " + (missingCount > 0 ? notFound : found) + ":";
    }

    /** The sections differing, missing and unexpected, each showing at most {@code limit} entries. */
    public String table(int limit) {
        TextTable table = new TextTable(header);
        if (!pairs.isEmpty()) {
            table.section("differing (" + pairs.size() + "):");
            pairs.stream().limit(limit).forEach(p -> table.pair(p[0].shown(), p[1].shown(),
                    comparison.differs(p[0], p[1])));
            more(table, pairs.size(), limit);
        }
        lines(table, "missing", '-', missing, limit);
        lines(table, "unexpected", '+', unexpected, limit);
        return table.render();
    }

    static void lines(TextTable table, String title, char marker, List<Compared> rows, int limit) {
        if (rows.isEmpty()) {
            return;
        }
        table.section(title + " (" + rows.size() + "):");
        rows.stream().limit(limit).forEach(r -> table.line(marker, r.shown()));
        more(table, rows.size(), limit);
    }

    static void more(TextTable table, int size, int limit) {
        if (size > limit) {
            table.note("… and " + (size - limit) + " more");
        }
    }

    public String render(int limit) {
        return butLine() + "\n" + table(limit);
    }
}
