package io.flinkharness.oracle;

import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.rows.Row;
import java.util.List;
import java.util.Objects;

/**
 * A window (and group key) or a dedup key whose result the oracle does not predict, because it depends on timing
 * that the labels cannot pin down: how Flink interleaves the partitions of a topic, or when a periodic watermark is
 * emitted. Its rows are left out of {@link OracleResult#rows()}, and {@link OracleResult#assertMatches} does not
 * compare them.
 *
 * <pre>{@code
 * for (Flagged f : result.flagged()) {
 *     System.out.println(f.group() + ": " + f.reason());   // {window_start=2026-01-01 00:00:10, user_id=u7}: ...
 * }
 * }</pre>
 *
 * @param group the columns that identify the row: window_start and window_end (those selected) and the group or
 *     dedup key columns, rendered like the result rows
 * @param reason why its result depends on timing, naming records and watermarks
 * @param records the records whose fate is uncertain
 */
public record Flagged(Row group, String reason, List<GeneratedRecord> records) {
    public Flagged {
        Objects.requireNonNull(group, "group cannot be null");
        Objects.requireNonNull(reason, "reason cannot be null");
        records = List.copyOf(records);
    }

    @Override
    public String toString() {
        return group + ": " + reason;
    }
}
