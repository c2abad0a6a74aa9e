package io.flinkharness.results.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected rows against actual rows in order: the rows are lined up like the lines of two files
 * ({@link Alignment}), and the diff lists what does not line up, in order, with each row's 1-based position in
 * its list; an expected row and an actual row in the same place that differ in a few columns are shown as a
 * pair. Not part of the public API.
 */
public final class InOrderDiff {
    private final List<String> header;
    private final Comparison comparison;
    private final List<Object> entries = new ArrayList<>();
    private final int missingCount;
    private final int unexpectedCount;
    private final boolean sameRows;

    public InOrderDiff(List<String> header, Comparison comparison, List<Compared> expected, List<Compared> actual) {
        List<String> withPosition = new ArrayList<>();
        withPosition.add("#");
        withPosition.addAll(header);
        this.header = withPosition;
        this.comparison = comparison;
        List<Alignment.Step> steps = Alignment.of(comparison, expected, actual);
        int missing = 0;
        int unexpected = 0;
        List<Compared> hunkMissing = new ArrayList<>();
        List<Compared> hunkUnexpected = new ArrayList<>();
        for (Alignment.Step step : steps) {
            if (step.isMatch()) {
                flush(hunkMissing, hunkUnexpected);
            } else if (step.actual() < 0) {
                hunkMissing.add(expected.get(step.expected()));
                missing++;
            } else {
                hunkUnexpected.add(actual.get(step.actual()));
                unexpected++;
            }
        }
        flush(hunkMissing, hunkUnexpected);
        missingCount = missing;
        unexpectedCount = unexpected;
        sameRows = missing > 0 && new AnyOrderDiff(header, comparison, expected, actual, false).isEmpty();
    }

    /** Between two matching rows: pairs by position where close enough, the rest one by one. */
    private void flush(List<Compared> missing, List<Compared> unexpected) {
        int i = 0;
        int j = 0;
        while (i < missing.size() || j < unexpected.size()) {
            boolean both = i < missing.size() && j < unexpected.size();
            if (both && NearMisses.near(comparison, missing.get(i), unexpected.get(j))) {
                entries.add(new Compared[] {missing.get(i++), unexpected.get(j++)});
            } else if (i < missing.size()) {
                entries.add(new Object[] {'-', missing.get(i++)});
            } else {
                entries.add(new Object[] {'+', unexpected.get(j++)});
            }
        }
        missing.clear();
        unexpected.clear();
    }

    public boolean isEmpty() {
        return missingCount == 0 && unexpectedCount == 0;
    }

    public String butLine() {
        if (sameRows) {
            return "but found them in another order:";
        }
        String notFound = "could not find " + Plural.rows(missingCount) + " in " + (missingCount == 1 ? "its" : "their")
                + " place";
        String found = "found " + Plural.of(unexpectedCount, "unexpected row", "unexpected rows");
        if (missingCount > 0 && unexpectedCount > 0) {
            return "but " + notFound + ", and " + found + ":";
        }
        return "but " + (missingCount > 0 ? notFound : found) + ":";
    }

    public String table(int limit) {
        TextTable table = new TextTable(header);
        entries.stream().limit(limit).forEach(entry -> {
            if (entry instanceof Compared[] pair) {
                boolean[] differs = comparison.differs(pair[0], pair[1]);
                boolean[] withPosition = new boolean[differs.length + 1];
                System.arraycopy(differs, 0, withPosition, 1, differs.length);
                table.pair(cells(pair[0]), cells(pair[1]), withPosition);
            } else {
                Object[] line = (Object[]) entry;
                table.line((Character) line[0], cells((Compared) line[1]));
            }
        });
        if (entries.size() > limit) {
            table.note("… and " + (entries.size() - limit) + " more");
        }
        return table.render();
    }

    private static List<String> cells(Compared row) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(row.position() + 1));
        cells.addAll(row.shown());
        return cells;
    }

    public String render(int limit) {
        return butLine() + "\n" + table(limit);
    }
}
