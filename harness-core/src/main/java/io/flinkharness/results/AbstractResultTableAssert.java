package io.flinkharness.results;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.results.internal.DedupChecks;
import io.flinkharness.results.internal.LateCountChecks;
import io.flinkharness.results.internal.RowChecks;
import io.flinkharness.results.internal.Settings;
import io.flinkharness.results.internal.TableComparer;
import io.flinkharness.results.internal.WindowChecks;
import io.flinkharness.rows.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ResultTable}; every method returns {@code SELF}, so they chain, and they work inside
 * AssertJ's soft assertions ({@link ResultSoftAssertions}). Extend it for assertions of your own.
 *
 * <pre>{@code
 * assertThat(result.table("counts"))
 *         .usingTolerance("avg_amount", 0.01)
 *         .containsExactlyRowsInAnyOrder(Row.of("user", "alice", "window_start", "2024-01-01 00:00:00",
 *                 "avg_amount", 3.33))
 *         .allAlignedTo(Duration.ofSeconds(10));
 * assertThat(result.table("first_orders")).isUniqueBy("order_id").keepsFirstByEventTimeOf(input, "order_id");
 * }</pre>
 *
 * <p>Expected rows are {@link Row}s whose values are read as the columns' types: {@code 3} or {@code "3"} for a
 * BIGINT, {@code "2024-01-01 00:00:00"} for a TIMESTAMP, {@code "2024-01-01T00:00:00Z"} for a TIMESTAMP_LTZ,
 * base64 text for bytes; numbers compare by value ({@code 2.50} equals {@code 2.5}). A value that cannot be read as
 * its column's type matches nothing, and the diff says so ({@code "x" (not a BIGINT)}).
 *
 * <p>Settings ({@link #columns}, {@link #usingTolerance}, {@link #usingTimestampTolerance}, {@link #windows})
 * apply to the assertions that follow them on the same assert object.
 *
 * @param <SELF> the assert's own type
 */
public abstract class AbstractResultTableAssert<SELF extends AbstractResultTableAssert<SELF>>
        extends AbstractAssert<SELF, ResultTable> {
    /** Rows shown per section of a diff before "… and N more". */
    public static final int DEFAULT_ROWS_SHOWN = 10;

    private Settings settings = Settings.DEFAULT;
    private int rowsShown = DEFAULT_ROWS_SHOWN;
    private final List<Object> namedWindows = new ArrayList<>();

    protected AbstractResultTableAssert(ResultTable actual, Class<?> selfType) {
        super(actual, selfType);
    }

    // ---- settings

    /**
     * Compares rows on these columns only; expected rows then give exactly these columns.
     *
     * @throws IllegalArgumentException for a column the table does not have
     */
    public SELF columns(String... columnNames) {
        settings = settings.withColumns(List.of(columnNames));
        checkSettings();
        return myself;
    }

    /** Values of a FLOAT, DOUBLE or DECIMAL column match when they are at most {@code tolerance} apart. */
    public SELF usingTolerance(String column, double tolerance) {
        return usingTolerance(column, BigDecimal.valueOf(tolerance));
    }

    /** Values of a FLOAT, DOUBLE or DECIMAL column match when they are at most {@code tolerance} apart. */
    public SELF usingTolerance(String column, BigDecimal tolerance) {
        return usingTolerance(column, Tolerance.of(tolerance));
    }

    /** Values of a TIMESTAMP, TIMESTAMP_LTZ or TIME column match when they are at most {@code tolerance} apart. */
    public SELF usingTolerance(String column, Duration tolerance) {
        return usingTolerance(column, Tolerance.of(tolerance));
    }

    /** Values of a column match when they are within {@code tolerance} ({@link Tolerance#of}). */
    public SELF usingTolerance(String column, Tolerance tolerance) {
        settings = settings.withTolerance(column, tolerance);
        checkSettings();
        return myself;
    }

    /**
     * Values of every column of a type ({@code FLOAT}, {@code DOUBLE} or {@code DECIMAL}) match when they are at
     * most {@code tolerance} apart; a tolerance given for a column wins.
     */
    public SELF usingTolerance(LogicalTypeRoot type, double tolerance) {
        return usingTolerance(type, BigDecimal.valueOf(tolerance));
    }

    public SELF usingTolerance(LogicalTypeRoot type, BigDecimal tolerance) {
        settings = settings.withTolerance(type, tolerance);
        return myself;
    }

    /** Values of TIMESTAMP, TIMESTAMP_LTZ and TIME columns match when they are at most {@code tolerance} apart. */
    public SELF usingTimestampTolerance(Duration tolerance) {
        settings = settings.withTimestampTolerance(tolerance);
        return myself;
    }

    /**
     * The columns that hold window bounds for the window assertions ({@code window_start} and
     * {@code window_end} unless named), also the order in which diffs list rows.
     */
    public SELF windows(String startColumn, String endColumn) {
        settings = settings.withWindows(startColumn, Optional.of(Objects.requireNonNull(endColumn,
                "endColumn cannot be null")));
        checkSettings();
        return myself;
    }

    /** A window start column without an end column: window lengths are not checked. */
    public SELF windows(String startColumn) {
        settings = settings.withWindows(startColumn, Optional.empty());
        checkSettings();
        return myself;
    }

    /** How many rows each section of a diff shows before "… and N more" (10 unless set). */
    public SELF showingAtMost(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("showingAtMost: show at least 1 row, got " + rows);
        }
        this.rowsShown = rows;
        return myself;
    }

    // ---- rows

    /** The table holds exactly these rows, in this order. */
    public SELF containsExactlyRows(Row... rows) {
        return containsExactlyRows(Arrays.asList(rows));
    }

    public SELF containsExactlyRows(List<Row> rows) {
        isNotNull();
        return check(RowChecks.containsExactlyInOrder(comparer(), rows, rowsShown));
    }

    /** The table holds exactly these rows, in any order (duplicates counted). */
    public SELF containsExactlyRowsInAnyOrder(Row... rows) {
        return containsExactlyRowsInAnyOrder(Arrays.asList(rows));
    }

    public SELF containsExactlyRowsInAnyOrder(List<Row> rows) {
        isNotNull();
        return check(RowChecks.containsExactlyInAnyOrder(comparer(), rows, rowsShown));
    }

    /** The table holds these rows (duplicates counted), and maybe others. */
    public SELF containsRows(Row... rows) {
        return containsRows(Arrays.asList(rows));
    }

    public SELF containsRows(List<Row> rows) {
        isNotNull();
        return check(RowChecks.contains(comparer(), rows, rowsShown));
    }

    /** The table holds none of these rows. */
    public SELF doesNotContainRows(Row... rows) {
        return doesNotContainRows(Arrays.asList(rows));
    }

    public SELF doesNotContainRows(List<Row> rows) {
        isNotNull();
        return check(RowChecks.doesNotContain(comparer(), rows, rowsShown));
    }

    public SELF hasRowCount(int expected) {
        isNotNull();
        return check(RowChecks.hasRowCount(actual, expected, rowsShown));
    }

    // ---- windows

    /** TUMBLE windows of {@code size}: each lasts {@code size} and starts at a multiple of it (from the epoch). */
    public SELF allAlignedTo(Duration size) {
        return allAlignedTo(size, Duration.ZERO);
    }

    /** TUMBLE windows of {@code size} with Flink's {@code offset}: starts at a multiple of size after offset. */
    public SELF allAlignedTo(Duration size, Duration offset) {
        positive("size", size);
        Objects.requireNonNull(offset, "offset cannot be null");
        isNotNull();
        return check(windowChecks().tumbling(size, offset, rowsShown));
    }

    /** HOP windows: each lasts {@code size} and starts at a multiple of {@code slide}. */
    public SELF allAlignedToHop(Duration slide, Duration size) {
        positive("slide", slide);
        positive("size", size);
        isNotNull();
        return check(windowChecks().hopping(slide, size, rowsShown));
    }

    /**
     * CUMULATE windows: each starts at a multiple of {@code maxSize} and lasts a multiple of {@code step}, at most
     * {@code maxSize}.
     */
    public SELF allAlignedToCumulate(Duration step, Duration maxSize) {
        positive("step", step);
        positive("maxSize", maxSize);
        isNotNull();
        return check(windowChecks().cumulating(step, maxSize, rowsShown));
    }

    /** Windows with these starts are in the table, e.g. {@code hasWindows("2024-01-01 00:00:00")}. */
    public SELF hasWindows(String... windowStarts) {
        return hasWindowsStarting(Arrays.asList((Object[]) windowStarts));
    }

    public SELF hasWindows(Instant... windowStarts) {
        return hasWindowsStarting(Arrays.asList((Object[]) windowStarts));
    }

    public SELF hasWindows(LocalDateTime... windowStarts) {
        return hasWindowsStarting(Arrays.asList((Object[]) windowStarts));
    }

    private SELF hasWindowsStarting(List<Object> starts) {
        isNotNull();
        WindowChecks windows = windowChecks();
        List<Object> values = starts.stream().map(windows::startValue).toList();
        namedWindows.addAll(values);
        return check(windows.hasWindows(values, rowsShown));
    }

    /** The table has no windows but those named by the {@code hasWindows} calls before this one. */
    public SELF hasNoOtherWindows() {
        isNotNull();
        if (namedWindows.isEmpty()) {
            throw new IllegalStateException("hasNoOtherWindows: name the windows first with hasWindows(...)");
        }
        return check(windowChecks().hasNoOtherWindows(namedWindows, rowsShown));
    }

    /** The window starting at {@code windowStart} has no rows (yet): for unbounded runs. */
    public SELF hasNotFired(String windowStart) {
        return hasNotFiredAt(windowStart);
    }

    public SELF hasNotFired(Instant windowStart) {
        return hasNotFiredAt(windowStart);
    }

    public SELF hasNotFired(LocalDateTime windowStart) {
        return hasNotFiredAt(windowStart);
    }

    private SELF hasNotFiredAt(Object windowStart) {
        isNotNull();
        WindowChecks windows = windowChecks();
        return check(windows.hasNotFired(windows.startValue(windowStart), rowsShown));
    }

    /**
     * No late record was counted: every row of a windowed count over {@code input} (per key and window, keyed by the
     * columns the table shares with the input, or the selected {@link #columns}) counts at most the records of its key
     * and window that arrived before the window fired, that is before the watermark reached the window's last
     * millisecond; the watermark each record met comes from its label. Records that may have met a fired window
     * (several partitions, periodic emission) may be counted or not. It holds for TUMBLE, HOP and CUMULATE (Flink
     * drops a record once its slice has fired, which is never later than its window). An upper bound: that every
     * record in time was counted is what {@link io.flinkharness.oracle.Oracle} checks.
     *
     * @param countColumn the column holding {@code COUNT(*)} per key and window
     * @throws IllegalArgumentException if no input record is certainly behind the watermark, as the check could not
     *         fail then
     */
    public SELF countsNoLateRecordOf(GeneratedData input, String countColumn) {
        Objects.requireNonNull(input, "input cannot be null");
        Objects.requireNonNull(countColumn, "countColumn cannot be null");
        isNotNull();
        return check(LateCountChecks.countsNoLateRecord(actual, settings, input, countColumn, rowsShown));
    }

    // ---- deduplication

    /** No two rows share their values in these columns. */
    public SELF isUniqueBy(String... columnNames) {
        isNotNull();
        return check(DedupChecks.isUniqueBy(actual, List.of(columnNames), rowsShown));
    }

    /**
     * Per value of {@code keyField}, the table holds the row of the input record that Flink's event-time
     * deduplication {@code ROW_NUMBER() OVER (PARTITION BY key ORDER BY rowtime ASC) = 1} keeps (Flink 2.2, without
     * mini-batch): a record behind the watermark when it arrives is dropped, an earlier record replaces the pending
     * one (a tie keeps the pending one), and once the watermark reaches the pending record's event time it is
     * emitted and later records of the key are ignored. The watermark at each arrival comes from the input's labels;
     * where it is not known exactly (several partitions, periodic emission) every row Flink can produce is
     * accepted. Compared on the columns the table shares with the input (or the selected {@link #columns}).
     */
    public SELF keepsFirstByEventTimeOf(GeneratedData input, String keyField) {
        return keeps(input, keyField, true);
    }

    /**
     * As {@link #keepsFirstByEventTimeOf} for {@code ORDER BY rowtime DESC}: the record with the largest event time
     * (a tie goes to the one that arrives last); Flink drops nothing here, it updates the row.
     */
    public SELF keepsLastByEventTimeOf(GeneratedData input, String keyField) {
        return keeps(input, keyField, false);
    }

    private SELF keeps(GeneratedData input, String keyField, boolean first) {
        Objects.requireNonNull(input, "input cannot be null");
        Objects.requireNonNull(keyField, "keyField cannot be null");
        isNotNull();
        return check(DedupChecks.keeps(actual, settings, input, keyField, first, rowsShown));
    }

    // ----

    /** Settings that do not fit the table fail where they are given, not at the next assertion. */
    private void checkSettings() {
        if (actual != null) {
            comparer();
            if (settings.windowStart().isPresent()) {
                windowChecks();
            }
        }
    }

    private TableComparer comparer() {
        return new TableComparer(actual, settings);
    }

    private WindowChecks windowChecks() {
        return new WindowChecks(actual, settings);
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name + " cannot be null");
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got "
                    + io.flinkharness.internal.Durations.show(d));
        }
    }

    private SELF check(Optional<String> failure) {
        failure.ifPresent(message -> failWithMessage("%s", "\n" + message));
        return myself;
    }
}
