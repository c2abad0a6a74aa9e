package io.flinkharness.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.kafka.OutputRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputRowsTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static OutputRecord record(int partition, long offset, String key, String value) {
        return new OutputRecord("t-3f2a-counts", partition, offset, key, value, T.plusSeconds(offset), Map.of());
    }

    @Test
    void appendMakesARowOfEveryRecordInOrder() {
        List<Row> rows = OutputRows.append(List.of(
                record(0, 0, null, "{\"user\":\"alice\",\"clicks\":1}"),
                record(1, 0, "k", "{\"user\":\"bob\",\"clicks\":2}"),
                record(0, 1, null, "{\"user\":\"alice\",\"clicks\":1}")));

        assertThat(rows).containsExactly(
                Row.of("user", "alice", "clicks", 1),
                Row.of("user", "bob", "clicks", 2),
                Row.of("user", "alice", "clicks", 1));
    }

    @Test
    void appendSkipsTombstones() {
        List<Row> rows = OutputRows.append(List.of(
                record(0, 0, "alice", "{\"user\":\"alice\"}"),
                record(0, 1, "alice", null),
                record(0, 2, "bob", "{\"user\":\"bob\"}")));

        assertThat(rows).containsExactly(Row.of("user", "alice"), Row.of("user", "bob"));
    }

    @Test
    void appendOfNoRecordsIsNoRows() {
        assertThat(OutputRows.append(List.of())).isEmpty();
        assertThat(OutputRows.upsert(List.of())).isEmpty();
    }

    @Test
    void upsertKeepsTheLastValuePerKey() {
        List<Row> rows = OutputRows.upsert(List.of(
                record(0, 0, "{\"user\":\"alice\"}", "{\"user\":\"alice\",\"clicks\":1}"),
                record(1, 0, "{\"user\":\"bob\"}", "{\"user\":\"bob\",\"clicks\":1}"),
                record(0, 1, "{\"user\":\"alice\"}", "{\"user\":\"alice\",\"clicks\":2}"),
                record(0, 2, "{\"user\":\"alice\"}", "{\"user\":\"alice\",\"clicks\":3}")));

        assertThat(rows).containsExactlyInAnyOrder(
                Row.of("user", "alice", "clicks", 3),
                Row.of("user", "bob", "clicks", 1));
    }

    @Test
    void upsertDeletesAKeyOnATombstone() {
        List<Row> rows = OutputRows.upsert(List.of(
                record(0, 0, "alice", "{\"user\":\"alice\",\"clicks\":1}"),
                record(0, 1, "bob", "{\"user\":\"bob\",\"clicks\":1}"),
                record(0, 2, "alice", null)));

        assertThat(rows).containsExactly(Row.of("user", "bob", "clicks", 1));
    }

    @Test
    void upsertAddsAKeyAgainAfterItsTombstone() {
        List<Row> rows = OutputRows.upsert(List.of(
                record(0, 0, "alice", "{\"clicks\":1}"),
                record(0, 1, "alice", null),
                record(0, 2, "alice", "{\"clicks\":5}")));

        assertThat(rows).containsExactly(Row.of("clicks", 5));
    }

    @Test
    void upsertIgnoresATombstoneForAnUnknownKey() {
        List<Row> rows = OutputRows.upsert(List.of(
                record(0, 0, "carol", null),
                record(0, 1, "alice", "{\"clicks\":1}")));

        assertThat(rows).containsExactly(Row.of("clicks", 1));
    }

    @Test
    void aValueThatIsNotAJsonObjectNamesTheRecord() {
        assertThatThrownBy(() -> OutputRows.append(List.of(record(2, 41, null, "[1]"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record t-3f2a-counts-2@41 is not a JSON row — the harness reads output written with the "
                        + "'json' format: expected a JSON object for a row, got: [1]");
        assertThatThrownBy(() -> OutputRows.upsert(List.of(record(0, 7, "k", "[1]"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record t-3f2a-counts-0@7 is not a JSON row — the harness reads output written with the "
                        + "'json' format: expected a JSON object for a row, got: [1]");
    }
}
