package io.flinkharness.results;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.Lateness;
import io.flinkharness.data.RecordLabel;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.Struct;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "No late record was counted": a windowed count holds at most the records that were not late on arrival. */
class LateCountAssertionsTest {
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final RecordSchema CLICKS = RecordSchema.fromDdl("""
            CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
            WITH ('connector' = 'kafka', 'format' = 'json')""");

    /**
     * Records of one partition in arrival order: user, event second, and the lowest and highest watermark second the
     * record can meet on arrival ("none" for no watermark yet).
     */
    private static GeneratedData input(Object... records) {
        List<GeneratedRecord> out = new ArrayList<>();
        for (int i = 0; i < records.length; i += 4) {
            int second = (Integer) records[i + 1];
            long millis = T0 + 1000L * second;
            long low = watermark(records[i + 2]);
            long high = watermark(records[i + 3]);
            Lateness lateness = millis < low ? Lateness.LATE : millis < high ? Lateness.DEPENDS_ON_INTERLEAVING
                    : Lateness.ON_TIME;
            Struct value = Struct.of(CLICKS.fieldNames(), List.of(records[i],
                    LocalDateTime.ofEpochSecond(millis / 1000, 0, ZoneOffset.UTC)));
            out.add(new GeneratedRecord(value, List.of(), millis, i / 4, 0, i / 4,
                    lateness == Lateness.LATE ? RecordLabel.Origin.LATE : RecordLabel.Origin.GENERATED, -1, false,
                    lateness, low, high));
        }
        return new GeneratedData(7, CLICKS, 1, out);
    }

    private static long watermark(Object second) {
        return second.equals("none") ? Long.MIN_VALUE : T0 + 1000L * (Integer) second;
    }

    /**
     * Windows of 10 s. alice in [0 s, 10 s): 3 in time (the one at 7 s is behind the watermark of 8 s, but its window
     * has not fired), 1 late (3 s, after the watermark reached 11 s); bob in [0 s, 10 s): 1 in time, 1 that meets a
     * watermark between 8 s and 11 s, so its window may have fired; alice in [10 s, 20 s): 1.
     */
    private static final GeneratedData INPUT = input(
            "alice", 1, "none", "none", "alice", 2, "none", "none", "bob", 4, "none", "none", "alice", 7, 8, 8,
            "alice", 12, 8, 8, "alice", 3, 11, 11, "bob", 5, 8, 11);

    private static ResultTable perUser(Object... userStartCount) {
        ResultTable.Builder builder = ResultTable.builder("per_user").column("user_id", "STRING")
                .column("window_start", "TIMESTAMP(3)").column("window_end", "TIMESTAMP(3)").column("clicks", "BIGINT");
        for (int i = 0; i < userStartCount.length; i += 3) {
            int start = (Integer) userStartCount[i + 1];
            builder.row(userStartCount[i], second(start), second(start + 10), userStartCount[i + 2]);
        }
        return builder.build();
    }

    private static String second(int s) {
        return LocalDateTime.ofEpochSecond(T0 / 1000 + s, 0, ZoneOffset.UTC).toString().replace('T', ' ')
                + (s % 60 == 0 ? ":00" : "");
    }

    @Test
    void recordsBehindTheWatermarkWhoseWindowHasNotFiredCountAndThoseThatMayBeLateMayCountEitherWay() {
        assertThat(perUser("alice", 0, 3, "bob", 0, 2, "alice", 10, 1)).countsNoLateRecordOf(INPUT, "clicks");
        assertThat(perUser("alice", 0, 3, "bob", 0, 1, "alice", 10, 1)).countsNoLateRecordOf(INPUT, "clicks");
    }

    @Test
    void fewerThanInTimeIsNotThisChecksBusiness() {
        assertThat(perUser("alice", 0, 1)).countsNoLateRecordOf(INPUT, "clicks");
    }

    @Test
    void aWindowThatCountedTheLateRecordFails() {
        assertThatThrownBy(() -> assertThat(perUser("alice", 0, 4, "bob", 0, 2, "alice", 10, 1))
                .countsNoLateRecordOf(INPUT, "clicks"))
                .hasMessage("""

                        Expecting table per_user (append, 3 rows)
                        to count in column 'clicks' per user_id no record of its input (7 records, seed 7, 3 behind the\
                         watermark) that arrived after its window fired
                        but 1 window counts more records than arrived in time:
                            user_id | window_start        | window_end          | clicks | in time | may be late | late\
                         | late records (event time, partition, arrival)
                          ! alice   | 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | 4      | 3       | 0           | 1   \
                         | 2024-01-01 00:00:03 p0 #5""");
    }

    @Test
    void aWindowAggregatedOverAllKeysIsCheckedAgainstAllRecords() {
        ResultTable global = ResultTable.builder("per_window").column("window_start", "TIMESTAMP(3)")
                .column("window_end", "TIMESTAMP(3)").column("n", "BIGINT")
                .row("2024-01-01 00:00:00", "2024-01-01 00:00:10", 5)
                .row("2024-01-01 00:00:10", "2024-01-01 00:00:20", 1).build();
        assertThat(global).countsNoLateRecordOf(INPUT, "n");

        ResultTable tooMany = ResultTable.builder("per_window").column("window_start", "TIMESTAMP(3)")
                .column("window_end", "TIMESTAMP(3)").column("n", "BIGINT")
                .row("2024-01-01 00:00:00", "2024-01-01 00:00:10", 6).build();
        assertThatThrownBy(() -> assertThat(tooMany).countsNoLateRecordOf(INPUT, "n"))
                .hasMessageContaining("to count in column 'n' no record").hasMessageContaining("but 1 window counts more");
    }

    @Test
    void anInputWithoutACertainlyLateRecordCannotShowOneCountedAndIsRefused() {
        GeneratedData noneLate = input("alice", 1, "none", "none", "bob", 2, 1, 3);

        assertThatThrownBy(() -> assertThat(perUser("alice", 0, 1)).countsNoLateRecordOf(noneLate, "clicks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input (2 records, seed 7) has no record that is certainly behind the watermark, so no"
                        + " count could show a late one (1 record depends on how partitions interleave or when watermarks are emitted)"
                        + " — generate late records with lateRecords(n, behind) into a 1-partition topic whose"
                        + " watermark is emitted on event");
    }

    @Test
    void theCountColumnMustBeThereAndBeAnInteger() {
        assertThatThrownBy(() -> assertThat(perUser("alice", 0, 1)).countsNoLateRecordOf(INPUT, "cnt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table per_user (append, 1 row) has no column 'cnt'; its columns: [user_id, window_start,"
                        + " window_end, clicks]");
        assertThatThrownBy(() -> assertThat(perUser("alice", 0, 1)).countsNoLateRecordOf(INPUT, "user_id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'user_id' of table per_user (append, 1 row) is STRING; a count is an integer"
                        + " column (COUNT(*) is BIGINT)");
    }
}
