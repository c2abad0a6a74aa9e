package io.flinkharness.cases.internal;

import io.flinkharness.internal.Suggestions;
import static io.flinkharness.results.ResultAssertions.assertThat;

import io.flinkharness.cases.internal.CaseDocument.DedupDocument;
import io.flinkharness.cases.internal.CaseDocument.LateDocument;
import io.flinkharness.cases.internal.CaseDocument.WindowsDocument;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.internal.Durations;
import io.flinkharness.results.ResultTableAssert;
import io.flinkharness.run.SqlCase;
import io.flinkharness.run.TableCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks of an output table a case file gives beside its rows: {@code windows}, {@code unique} and
 * {@code dedup}, read into {@link TableCheck}s that run the result assertions. Not part of the public API.
 *
 * <pre>
 * expect:
 *   - topic: counts
 *     windows: { tumble: 10s, present: ["2024-01-01 00:00:00"], noOthers: true,
 *                noLateRecordCounted: { input: clicks, count: clicks } }
 *   - topic: first_orders
 *     mode: upsert
 *     unique: [order_id]
 *     dedup: { input: orders, key: order_id, keep: first }
 * </pre>
 */
final class TableChecks {
    private final Problems problems;
    private final Set<String> generatedTopics;

    /** @param generatedTopics the topics with generated input, which {@code input:} may name */
    TableChecks(Problems problems, Set<String> generatedTopics) {
        this.problems = problems;
        this.generatedTopics = generatedTopics;
    }

    List<TableCheck> read(String path, CaseDocument.ExpectDocument doc) {
        List<TableCheck> checks = new ArrayList<>();
        if (doc.windows() != null) {
            checks.addAll(windows(FieldPath.field(path, "windows"), doc.windows()));
        }
        if (doc.unique() != null) {
            List<String> columns = List.copyOf(doc.unique());
            if (columns.isEmpty()) {
                throw problems.atValue(FieldPath.field(path, "unique"), "is empty",
                        "list the columns no two rows may share, e.g. unique: [order_id]");
            }
            checks.add((table, c) -> assertThat(table).isUniqueBy(columns.toArray(String[]::new)));
        }
        if (doc.dedup() != null) {
            checks.add(dedup(FieldPath.field(path, "dedup"), doc.dedup()));
        }
        if (doc.oracle() != null) {
            String at = FieldPath.field(path, "oracle");
            String input = input(FieldPath.field(at, "input"), doc.oracle().input());
            checks.add(new OracleChecks(problems, this).read(at, doc.oracle(), input));
        }
        return checks;
    }

    private List<TableCheck> windows(String path, WindowsDocument w) {
        String start = w.start() == null ? "window_start" : w.start();
        String end = w.end() == null ? (w.start() == null ? "window_end" : null) : w.end();
        Function<io.flinkharness.results.ResultTable, ResultTableAssert> on = table -> end == null
                ? assertThat(table).windows(start) : assertThat(table).windows(start, end);
        List<TableCheck> checks = new ArrayList<>();
        int kinds = (w.tumble() != null ? 1 : 0) + (w.hop() != null ? 1 : 0) + (w.cumulate() != null ? 1 : 0);
        if (kinds > 1) {
            throw problems.atValue(path, "more than one of tumble, hop and cumulate", "give the one windowing the"
                    + " query uses");
        }
        if (w.offset() != null && w.tumble() == null) {
            throw problems.atValue(FieldPath.field(path, "offset"), "an offset without tumble",
                    "give tumble: SIZE with it, or leave offset out");
        }
        if (w.tumble() != null) {
            Duration size = positive(FieldPath.field(path, "tumble"), w.tumble());
            Duration offset = w.offset() == null ? Duration.ZERO : duration(FieldPath.field(path, "offset"), w.offset());
            checks.add((table, c) -> on.apply(table).allAlignedTo(size, offset));
        }
        if (w.hop() != null) {
            String at = FieldPath.field(path, "hop");
            Duration size = positive(FieldPath.field(at, "size"), w.hop().size());
            Duration slide = positive(FieldPath.field(at, "slide"), w.hop().slide());
            checks.add((table, c) -> on.apply(table).allAlignedToHop(slide, size));
        }
        if (w.cumulate() != null) {
            String at = FieldPath.field(path, "cumulate");
            Duration step = positive(FieldPath.field(at, "step"), w.cumulate().step());
            Duration size = positive(FieldPath.field(at, "size"), w.cumulate().size());
            checks.add((table, c) -> on.apply(table).allAlignedToCumulate(step, size));
        }
        if (w.present() != null) {
            List<String> starts = List.copyOf(w.present());
            boolean others = Boolean.TRUE.equals(w.noOthers());
            checks.add((table, c) -> {
                ResultTableAssert windows = on.apply(table).hasWindows(starts.toArray(String[]::new));
                if (others) {
                    windows.hasNoOtherWindows();
                }
            });
        } else if (Boolean.TRUE.equals(w.noOthers())) {
            throw problems.atValue(FieldPath.field(path, "noOthers"), "no windows named",
                    "list the windows under present: [\"2024-01-01 00:00:00\", ...]");
        }
        if (w.notFired() != null) {
            List<String> starts = List.copyOf(w.notFired());
            checks.add((table, c) -> starts.forEach(s -> on.apply(table).hasNotFired(s)));
        }
        if (w.noLateRecordCounted() != null) {
            checks.add(noLate(FieldPath.field(path, "noLateRecordCounted"), w.noLateRecordCounted(), on));
        }
        return checks;
    }

    private TableCheck noLate(String path, LateDocument late,
                              Function<io.flinkharness.results.ResultTable, ResultTableAssert> on) {
        String input = input(FieldPath.field(path, "input"), late.input());
        String count = required(FieldPath.field(path, "count"), late.count(),
                "name the column holding COUNT(*), e.g. count: clicks");
        return (table, c) -> on.apply(table).countsNoLateRecordOf(generated(c, input), count);
    }

    private TableCheck dedup(String path, DedupDocument dedup) {
        String input = input(FieldPath.field(path, "input"), dedup.input());
        String key = required(FieldPath.field(path, "key"), dedup.key(), "name the deduplication key, e.g. key: order_id");
        String keep = dedup.keep() == null ? "first" : dedup.keep().toLowerCase(Locale.ROOT);
        if (!keep.equals("first") && !keep.equals("last")) {
            throw problems.atValue(FieldPath.field(path, "keep"), "unknown keep '" + dedup.keep() + "'",
                    "write keep: first (ORDER BY rowtime ASC) or keep: last (ORDER BY rowtime DESC)");
        }
        boolean first = keep.equals("first");
        return (table, c) -> {
            if (first) {
                assertThat(table).keepsFirstByEventTimeOf(generated(c, input), key);
            } else {
                assertThat(table).keepsLastByEventTimeOf(generated(c, input), key);
            }
        };
    }

    private String input(String path, String topic) {
        required(path, topic, "name the topic whose generated input the check compares with");
        if (!generatedTopics.contains(topic)) {
            throw problems.atValue(path, "topic '" + topic + "' has no generated input",
                    "the check needs the labelled records of a generate: section"
                            + (generatedTopics.isEmpty() ? ", and the case has none: generate the topic's input"
                            : "; " + Suggestions.didYouMean(topic, generatedTopics, "topics with generated input")));
        }
        return topic;
    }

    private static GeneratedData generated(SqlCase c, String topic) {
        return c.generated().get(topic);
    }

    private String required(String path, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw problems.atValue(path, value == null ? "missing" : "is empty", fix);
        }
        return value;
    }

    Duration duration(String path, String text) {
        Duration d = Durations.parseOrNull(text);
        if (d == null) {
            throw problems.atValue(path, "'" + text + "' is not a duration", "write e.g. 500ms, 10s, 1m or PT1M");
        }
        return d;
    }

    Duration positive(String path, String text) {
        if (text == null) {
            throw problems.atValue(path, "missing", "write a duration, e.g. 10s");
        }
        Duration d = duration(path, text);
        if (d.isZero() || d.isNegative()) {
            throw problems.atValue(path, "must be positive, got " + text, "write a duration, e.g. 10s");
        }
        return d;
    }
}
