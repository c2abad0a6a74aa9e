package io.flinkharness.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.cli.report.WindowShape.Kind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowDetectorTest {
    private static final Duration ZERO = Duration.ZERO;

    @Test
    void tumbleTableFunction() {
        assertThat(shape("INSERT INTO counts SELECT window_start, COUNT(*)\n"
                + "FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))\n"
                + "GROUP BY window_start, window_end"))
                .isEqualTo(new WindowShape(Kind.TUMBLE, Duration.ofSeconds(10), Duration.ofSeconds(10), ZERO));
    }

    @Test
    void hopTakesSlideThenSize() {
        assertThat(shape("SELECT * FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND,"
                + " INTERVAL '1' MINUTE))"))
                .isEqualTo(new WindowShape(Kind.HOP, Duration.ofMinutes(1), Duration.ofSeconds(5), ZERO));
    }

    @Test
    void cumulateTakesStepThenSizeThenOffset() {
        assertThat(shape("SELECT * FROM TABLE(CUMULATE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '2' MINUTE,"
                + " INTERVAL '10' MINUTE, INTERVAL '-30' SECOND))"))
                .isEqualTo(new WindowShape(Kind.CUMULATE, Duration.ofMinutes(10), Duration.ofMinutes(2),
                        Duration.ofSeconds(-30)));
    }

    @Test
    void namedArgumentsInAnyOrder() {
        assertThat(shape("SELECT * FROM TABLE(hop(DATA => TABLE clicks, TIMECOL => DESCRIPTOR(ts),"
                + " SIZE => INTERVAL '1:30' MINUTE TO SECOND, SLIDE => INTERVAL '0.5' SECOND))"))
                .isEqualTo(new WindowShape(Kind.HOP, Duration.ofSeconds(90), Duration.ofMillis(500), ZERO));
    }

    @Test
    void groupWindow() {
        assertThat(shape("SELECT TUMBLE_START(ts, INTERVAL '1' HOUR), COUNT(*) FROM clicks"
                + " GROUP BY TUMBLE(ts, INTERVAL '1' HOUR)"))
                .isEqualTo(new WindowShape(Kind.TUMBLE, Duration.ofHours(1), Duration.ofHours(1), ZERO));
    }

    @Test
    void commentsAndStringsDoNotCount() {
        WindowDetection d = WindowDetector.detect("-- TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' SECOND)\n"
                + "INSERT INTO out SELECT 'HOP(x, INTERVAL ''1'' SECOND)' /* CUMULATE( */ FROM t");

        assertThat(d.shape()).isEmpty();
        assertThat(d.reason()).isEqualTo("the DML has no TUMBLE, HOP or CUMULATE window");
    }

    @Test
    void sessionWindowHasNoFixedBoundaries() {
        assertThat(WindowDetector.detect("SELECT * FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts),"
                + " INTERVAL '5' MINUTE))").reason())
                .isEqualTo("the DML has a SESSION window, whose boundaries depend on the data");
    }

    @Test
    void sizeThatIsNotALiteral() {
        assertThat(WindowDetector.detect("SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), :size))").reason())
                .isEqualTo("the size of TUMBLE(TABLE t, DESCRIPTOR(ts), :size) is ':size', not a day-time INTERVAL"
                        + " literal the picture can measure (e.g. INTERVAL '10' SECOND)");
    }

    @Test
    void monthsHaveNoFixedLength() {
        assertThat(WindowDetector.detect("SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MONTH))")
                .reason()).startsWith("the size of TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MONTH) is"
                        + " 'INTERVAL '1' MONTH', not a day-time INTERVAL literal");
    }

    @Test
    void missingSlide() {
        assertThat(WindowDetector.detect("SELECT * FROM TABLE(HOP(TABLE t, DESCRIPTOR(ts)))").reason())
                .isEqualTo("HOP(TABLE t, DESCRIPTOR(ts)) has no slide the picture can find");
    }

    @Test
    void windowsOfDifferentShapes() {
        assertThat(WindowDetector.detect("EXECUTE STATEMENT SET BEGIN\n"
                + "INSERT INTO a SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND));\n"
                + "INSERT INTO b SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE));\nEND")
                .reason()).isEqualTo("the DML has windows of different shapes (TUMBLE 10s; TUMBLE 1m), so no one set"
                        + " of window boundaries fits the input");
    }

    @Test
    void theSameWindowTwiceIsOneShape() {
        assertThat(shape("INSERT INTO a SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
                + " UNION ALL SELECT * FROM TABLE(TUMBLE(TABLE u, DESCRIPTOR(ts), INTERVAL '10' SECONDS))").kind())
                .isEqualTo(Kind.TUMBLE);
    }

    @Test
    void boundariesFollowTheGridAndOffset() {
        WindowShape hop = new WindowShape(Kind.HOP, Duration.ofSeconds(10), Duration.ofSeconds(4), Duration.ZERO);
        WindowShape shifted = new WindowShape(Kind.TUMBLE, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(3));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(hop.grid()).isEqualTo(Duration.ofSeconds(2));
        assertThat(hop.boundaries(t0.plusMillis(500), t0.plusSeconds(6)))
                .containsExactly(t0.plusSeconds(2), t0.plusSeconds(4), t0.plusSeconds(6));
        assertThat(shifted.boundaries(t0.minusSeconds(10), t0.plusSeconds(20)))
                .containsExactly(t0.minusSeconds(7), t0.plusSeconds(3), t0.plusSeconds(13));
        assertThat(shifted.describe()).isEqualTo("TUMBLE 10s, offset 3s");
    }

    private static WindowShape shape(String dml) {
        WindowDetection d = WindowDetector.detect(dml);
        assertThat(d.shape()).as(d.reason()).isPresent();
        return d.shape().get();
    }
}
