package io.flinkharness.results;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The window assertions: alignment of TUMBLE, HOP and CUMULATE windows, windows present, absent, not fired. */
class WindowAssertionsTest {
    private static ResultTable windows(String... startsAndEnds) {
        ResultTable.Builder builder = ResultTable.builder("per_window").column("window_start", "TIMESTAMP(3)")
                .column("window_end", "TIMESTAMP(3)").column("n", "BIGINT");
        for (int i = 0; i < startsAndEnds.length; i += 2) {
            builder.row(startsAndEnds[i], startsAndEnds[i + 1], i);
        }
        return builder.build();
    }

    private static final ResultTable TUMBLING = windows("2024-01-01 00:00:00", "2024-01-01 00:00:10",
            "2024-01-01 00:00:10", "2024-01-01 00:00:20", "2024-01-01 00:00:00", "2024-01-01 00:00:10");

    @Test
    void tumblingWindowsAreAlignedToTheirSize() {
        assertThat(TUMBLING).allAlignedTo(Duration.ofSeconds(10)).allAlignedTo(Duration.ofSeconds(10),
                Duration.ofSeconds(20));
    }

    @Test
    void aWindowOfAnotherSizeOrStartFails() {
        ResultTable table = windows("2024-01-01 00:00:00", "2024-01-01 00:00:10", "2024-01-01 00:00:13",
                "2024-01-01 00:00:23", "2024-01-01 00:00:20", "2024-01-01 00:00:25", "2024-01-01 00:00:13",
                "2024-01-01 00:00:23");

        assertThatThrownBy(() -> assertThat(table).allAlignedTo(Duration.ofSeconds(10)))
                .hasMessage("""

                        Expecting the windows (window_start, window_end) of table per_window (append, 4 rows)
                        to be tumbling windows of 10s
                        but found 2 windows that are not:
                            window_start        | window_end          | rows | why not
                          ! 2024-01-01 00:00:13 | 2024-01-01 00:00:23 | 2    | starts 3s after 2024-01-01 00:00:10
                          ! 2024-01-01 00:00:20 | 2024-01-01 00:00:25 | 1    | lasts 5s""");
    }

    @Test
    void anOffsetShiftsTheAlignment() {
        ResultTable shifted = windows("2024-01-01 00:00:02", "2024-01-01 00:00:12");

        assertThat(shifted).allAlignedTo(Duration.ofSeconds(10), Duration.ofSeconds(2));
        assertThatThrownBy(() -> assertThat(shifted).allAlignedTo(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .hasMessageContaining("to be tumbling windows of 10s offset by 5s\n")
                .hasMessageEndingWith("| starts 7s after 2023-12-31 23:59:55");
    }

    @Test
    void hoppingWindowsStartAtMultiplesOfTheSlide() {
        ResultTable hops = windows("2024-01-01 00:00:00", "2024-01-01 00:00:10", "2024-01-01 00:00:05",
                "2024-01-01 00:00:15");

        assertThat(hops).allAlignedToHop(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThatThrownBy(() -> assertThat(hops).allAlignedToHop(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .hasMessage("""

                        Expecting the windows (window_start, window_end) of table per_window (append, 2 rows)
                        to be hopping windows of 10s sliding by 10s
                        but found 1 window that is not:
                            window_start        | window_end          | rows | why not
                          ! 2024-01-01 00:00:05 | 2024-01-01 00:00:15 | 1    | starts 5s after 2024-01-01 00:00:00""");
    }

    @Test
    void cumulatingWindowsGrowByTheStepUpToTheMaximum() {
        ResultTable cumulating = windows("2024-01-01 00:00:00", "2024-01-01 00:00:05", "2024-01-01 00:00:00",
                "2024-01-01 00:00:10", "2024-01-01 00:00:10", "2024-01-01 00:00:15");

        assertThat(cumulating).allAlignedToCumulate(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThatThrownBy(() -> assertThat(cumulating).allAlignedToCumulate(Duration.ofSeconds(5),
                Duration.ofSeconds(20)))
                .hasMessage("""

                        Expecting the windows (window_start, window_end) of table per_window (append, 3 rows)
                        to be cumulating windows growing by 5s up to 20s
                        but found 1 window that is not:
                            window_start        | window_end          | rows | why not
                          ! 2024-01-01 00:00:10 | 2024-01-01 00:00:15 | 1    | starts 10s after 2024-01-01 00:00:00""");
    }

    @Test
    void windowColumnsCanBeNamedAndAnEndColumnLeftOut() {
        ResultTable table = ResultTable.builder("w").column("ws", "TIMESTAMP_LTZ(3)").column("n", "INT")
                .row("2024-01-01T00:00:00Z", 1).row("2024-01-01T00:01:00Z", 2).build();

        assertThat(table).windows("ws").allAlignedTo(Duration.ofMinutes(1)).hasWindows("2024-01-01 00:01:00Z")
                .hasWindows(Instant.parse("2024-01-01T00:00:00Z")).hasNoOtherWindows();
        assertThatThrownBy(() -> assertThat(table).windows("ws").allAlignedTo(Duration.ofMinutes(2)))
                .hasMessage("""

                        Expecting the windows (ws) of table w (append, 2 rows)
                        to be tumbling windows of 2m
                        but found 1 window that is not:
                            ws                   | rows | why not
                          ! 2024-01-01 00:01:00Z | 1    | starts 1m after 2024-01-01 00:00:00Z""");
    }

    @Test
    void windowColumnsMustBeThereAndBeTimestamps() {
        ResultTable noWindows = ResultTable.builder("t").column("n", "INT").build();

        assertThatThrownBy(() -> assertThat(noWindows).allAlignedTo(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table t (append, 0 rows) has no column 'window_start'; its columns: [n] — name the"
                        + " window columns with windows(\"start\", \"end\")");
        assertThatThrownBy(() -> assertThat(noWindows).windows("n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'n' of table t (append, 0 rows) is INT; window bounds are TIMESTAMP or"
                        + " TIMESTAMP_LTZ columns");
        assertThatThrownBy(() -> assertThat(TUMBLING).allAlignedTo(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be positive, got 0s");
    }

    @Test
    void hasWindowsAndHasNoOtherWindows() {
        assertThat(TUMBLING).hasWindows("2024-01-01 00:00:00").hasWindows(LocalDateTime.of(2024, 1, 1, 0, 0, 10))
                .hasNoOtherWindows();

        assertThatThrownBy(() -> assertThat(TUMBLING).hasWindows("2024-01-01 00:00:10", "2024-01-01 00:00:30"))
                .hasMessage("""

                        Expecting table per_window (append, 3 rows)
                        to have windows starting at 2024-01-01 00:00:10, 2024-01-01 00:00:30
                        but could not find 1 of them: 2024-01-01 00:00:30
                        windows found (2): 2024-01-01 00:00:00, 2024-01-01 00:00:10""");
        assertThatThrownBy(() -> assertThat(TUMBLING).hasWindows("2024-01-01 00:00:10").hasNoOtherWindows())
                .hasMessage("""

                        Expecting table per_window (append, 3 rows)
                        to have no windows but those starting at 2024-01-01 00:00:10
                        but found 1 other: 2024-01-01 00:00:00 (2 rows)""");
    }

    @Test
    void hasWindowsOnATableWithoutWindows() {
        assertThatThrownBy(() -> assertThat(windows()).hasWindows("2024-01-01 00:00:00"))
                .hasMessage("""

                        Expecting table per_window (append, 0 rows)
                        to have windows starting at 2024-01-01 00:00:00
                        but could not find 1 of them: 2024-01-01 00:00:00
                        windows found: none""");
    }

    @Test
    void hasNoOtherWindowsNeedsTheWindowsNamedFirst() {
        assertThatThrownBy(() -> assertThat(TUMBLING).hasNoOtherWindows())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("hasNoOtherWindows: name the windows first with hasWindows(...)");
        assertThatThrownBy(() -> assertThat(TUMBLING).hasWindows("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read \"yesterday\" as a window start of column 'window_start' (TIMESTAMP(3)) —"
                        + " write 2024-01-01 00:00:00 or 2024-01-01T00:00:00Z");
    }

    @Test
    void hasNotFired() {
        assertThat(TUMBLING).hasNotFired("2024-01-01 00:00:20");

        assertThatThrownBy(() -> assertThat(TUMBLING).hasNotFired("2024-01-01 00:00:00"))
                .hasMessage("""

                        Expecting the window starting at 2024-01-01 00:00:00 of table per_window (append, 3 rows)
                        not to have fired
                        but found 2 rows of it:
                            window_start        | window_end          | n
                          + 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | 0
                          + 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | 4""");
    }
}
