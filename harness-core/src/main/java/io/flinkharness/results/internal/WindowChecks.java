package io.flinkharness.results.internal;

import io.flinkharness.internal.Durations;
import io.flinkharness.results.ResultColumn;
import io.flinkharness.results.ResultRow;
import io.flinkharness.results.ResultTable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * The window assertions of a result table: the windows are the distinct (start, end) pairs of the window columns
 * ({@code window_start} and {@code window_end} unless named), in start order, with how many rows each has.
 * TIMESTAMP values are read as UTC, as the harness's sessions run in UTC. Not part of the public API.
 */
public final class WindowChecks {
    private static final String DEFAULT_START = "window_start";
    private static final String DEFAULT_END = "window_end";

    private final ResultTable table;
    private final ResultColumn start;
    private final Optional<ResultColumn> end;

    /** One window: its bounds as the table holds them and in epoch millis, and its rows. */
    private record Window(Object start, Object end, long startMillis, Long endMillis, List<ResultRow> rows) {
    }

    /** @throws IllegalArgumentException if the window columns are missing or not timestamps */
    public WindowChecks(ResultTable table, Settings settings) {
        this.table = table;
        this.start = column(settings.windowStart().orElse(DEFAULT_START), settings.windowStart().isEmpty());
        Optional<String> endName = settings.windowStart().isPresent() ? settings.windowEnd()
                : table.column(DEFAULT_END).map(ResultColumn::name);
        this.end = endName.map(n -> column(n, false));
    }

    private ResultColumn column(String name, boolean defaulted) {
        ResultColumn column = table.column(name).orElseThrow(() -> new IllegalArgumentException(table.describe()
                + " has no column '" + name + "'; its columns: " + table.columnNames()
                + (defaulted ? " — name the window columns with windows(\"start\", \"end\")" : "")));
        LogicalTypeRoot root = column.type().getTypeRoot();
        if (root != LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE && root != LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            throw new IllegalArgumentException("column '" + name + "' of " + table.describe() + " is "
                    + column.typeName() + "; window bounds are TIMESTAMP or TIMESTAMP_LTZ columns");
        }
        return column;
    }

    private List<Window> windows() {
        Map<List<Object>, List<ResultRow>> byBounds = new LinkedHashMap<>();
        for (ResultRow row : table.rows()) {
            Object s = row.get(start.name());
            Object e = end.map(c -> row.get(c.name())).orElse(null);
            byBounds.computeIfAbsent(java.util.Arrays.asList(s, e), k -> new ArrayList<>()).add(row);
        }
        TreeMap<Long, List<Window>> sorted = new TreeMap<>();
        byBounds.forEach((bounds, rows) -> {
            if (bounds.get(0) != null) {
                Long endMillis = bounds.get(1) == null ? null : millis(bounds.get(1));
                Window w = new Window(bounds.get(0), bounds.get(1), millis(bounds.get(0)), endMillis, rows);
                sorted.computeIfAbsent(w.startMillis(), k -> new ArrayList<>()).add(w);
            }
        });
        List<Window> out = new ArrayList<>();
        sorted.values().forEach(out::addAll);
        return out;
    }

    /** The column that holds window starts. */
    public ResultColumn startColumn() {
        return start;
    }

    /** The column that holds window ends, if the table has one. */
    public Optional<ResultColumn> endColumn() {
        return end;
    }

    /** A window bound as epoch millis: TIMESTAMP values are read as UTC. */
    static long millis(Object timestamp) {
        return timestamp instanceof Instant i ? i.toEpochMilli() : ((LocalDateTime) timestamp).toInstant(ZoneOffset.UTC)
                .toEpochMilli();
    }

    /** The window's bounds as they are written, e.g. {@code 2024-01-01 00:00:00}. */
    private String show(long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        return start.type().getTypeRoot() == LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE ? TypedValues.show(instant)
                : TypedValues.show(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC));
    }

    /** TUMBLE: every window lasts {@code size} and starts at a multiple of {@code size} after {@code offset}. */
    public Optional<String> tumbling(Duration size, Duration offset, int limit) {
        String what = "tumbling windows of " + Durations.show(size)
                + (offset.isZero() ? "" : " offset by " + Durations.show(offset));
        return check(what, w -> problems(w, size, size, offset.toMillis()), limit);
    }

    /** HOP: every window lasts {@code size} and starts at a multiple of {@code slide}. */
    public Optional<String> hopping(Duration slide, Duration size, int limit) {
        return check("hopping windows of " + Durations.show(size) + " sliding by " + Durations.show(slide),
                w -> problems(w, size, slide, 0), limit);
    }

    /** CUMULATE: every window starts at a multiple of {@code max} and lasts a multiple of {@code step} up to max. */
    public Optional<String> cumulating(Duration step, Duration max, int limit) {
        return check("cumulating windows growing by " + Durations.show(step) + " up to " + Durations.show(max), w -> {
            List<String> problems = new ArrayList<>();
            misaligned(w, max.toMillis(), 0).ifPresent(problems::add);
            if (w.endMillis() != null) {
                long length = w.endMillis() - w.startMillis();
                if (length <= 0 || length > max.toMillis() || length % step.toMillis() != 0) {
                    problems.add("lasts " + Durations.show(Duration.ofMillis(length)));
                }
            }
            return problems;
        }, limit);
    }

    private List<String> problems(Window w, Duration size, Duration alignment, long offset) {
        List<String> problems = new ArrayList<>();
        if (w.endMillis() != null && w.endMillis() - w.startMillis() != size.toMillis()) {
            problems.add("lasts " + Durations.show(Duration.ofMillis(w.endMillis() - w.startMillis())));
        }
        misaligned(w, alignment.toMillis(), offset).ifPresent(problems::add);
        return problems;
    }

    private Optional<String> misaligned(Window w, long alignment, long offset) {
        long off = Math.floorMod(w.startMillis() - offset, alignment);
        return off == 0 ? Optional.empty() : Optional.of("starts " + Durations.show(Duration.ofMillis(off)) + " after "
                + show(w.startMillis() - off));
    }

    private Optional<String> check(String what, java.util.function.Function<Window, List<String>> problems, int limit) {
        List<String> header = new ArrayList<>();
        header.add(start.name());
        end.ifPresent(c -> header.add(c.name()));
        header.add("rows");
        header.add("why not");
        TextTable text = new TextTable(header);
        int bad = 0;
        for (Window w : windows()) {
            List<String> why = problems.apply(w);
            if (!why.isEmpty() && bad++ < limit) {
                List<String> cells = new ArrayList<>();
                cells.add(TypedValues.show(w.start()));
                end.ifPresent(c -> cells.add(TypedValues.show(w.end())));
                cells.add(String.valueOf(w.rows().size()));
                cells.add(String.join("; ", why));
                text.line('!', cells);
            }
        }
        AnyOrderDiff.more(text, bad, limit);
        return bad == 0 ? Optional.empty() : Optional.of("Expecting the windows (" + String.join(", ",
                header.subList(0, header.size() - 2)) + ") of " + table.describe() + "\nto be " + what + "\nbut found "
                + Plural.of(bad, "window", "windows") + " that " + (bad == 1 ? "is" : "are") + " not:\n" + text.render());
    }

    /** The window start a test named, read as the start column's type; an unreadable one is an error. */
    public Object startValue(Object given) {
        Object value = TypedValues.coerce(given, start.type());
        if (value == null || value instanceof TypedValues.Unreadable) {
            throw new IllegalArgumentException("cannot read " + (given instanceof String s ? "\"" + s + "\"" : given)
                    + " as a window start of column '" + start.name() + "' (" + start.typeName() + ") — write"
                    + " 2024-01-01 00:00:00 or 2024-01-01T00:00:00Z");
        }
        return value;
    }

    /** The windows named are among the table's windows. */
    public Optional<String> hasWindows(List<Object> starts, int limit) {
        List<Window> windows = windows();
        List<String> missing = new ArrayList<>();
        for (Object s : starts) {
            if (windows.stream().noneMatch(w -> w.startMillis() == millis(s))) {
                missing.add(TypedValues.show(s));
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(expecting() + "to have windows starting at " + shown(starts) + "\nbut could not find "
                + missing.size() + " of them: " + String.join(", ", missing) + "\nwindows found"
                + (windows.isEmpty() ? ": none" : " (" + windows.size() + "): "
                + list(windows.stream().map(w -> TypedValues.show(w.start())).toList(), limit)));
    }

    /** No window but the named ones. */
    public Optional<String> hasNoOtherWindows(List<Object> named, int limit) {
        List<Window> others = windows().stream().filter(w -> named.stream().noneMatch(s -> millis(s) == w.startMillis()))
                .toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        List<String> shown = others.stream().map(w -> TypedValues.show(w.start()) + " (" + Plural.rows(w.rows().size())
                + ")").toList();
        return Optional.of(expecting() + "to have no windows but those starting at " + shown(named) + "\nbut found "
                + others.size() + " other" + (others.size() == 1 ? "" : "s") + ": " + list(shown, limit));
    }

    /** No row of the window that starts at {@code windowStart}: it has not fired (yet). */
    public Optional<String> hasNotFired(Object windowStart, int limit) {
        List<ResultRow> rows = windows().stream().filter(w -> w.startMillis() == millis(windowStart))
                .flatMap(w -> w.rows().stream()).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Expecting the window starting at " + TypedValues.show(windowStart) + " of "
                + table.describe() + "\nnot to have fired\nbut found " + Plural.rows(rows.size()) + " of it:\n"
                + RowChecks.rows(table.columnNames(), rows, '+', limit));
    }

    private String expecting() {
        return RowChecks.expecting(table);
    }

    private static String shown(List<Object> starts) {
        return String.join(", ", starts.stream().map(TypedValues::show).toList());
    }

    private static String list(List<String> items, int limit) {
        String shown = String.join(", ", items.subList(0, Math.min(limit, items.size())));
        return items.size() > limit ? shown + " … and " + (items.size() - limit) + " more" : shown;
    }
}
