package io.flinkharness.cli.report;

import io.flinkharness.data.DeclaredWatermark;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.Lateness;
import io.flinkharness.data.RecordLabel;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.Struct;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;

/** Generated input made by hand, labelled as the generator labels it: {@code user_id STRING, ts TIMESTAMP(3)}. */
final class GeneratedInputs {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long NONE = Long.MIN_VALUE;
    private static final RecordSchema SCHEMA = new RecordSchema("test clicks",
            RowType.of(new LogicalType[] {VarCharType.STRING_TYPE, new TimestampType(3)}, new String[] {"user_id", "ts"}),
            Optional.empty(), Optional.of("ts"), Optional.of(DeclaredWatermark.delay(Duration.ofSeconds(2)).onEvent()),
            List.of(), false, Map.of());

    private final long seed;
    private final List<GeneratedRecord> records = new ArrayList<>();
    private int partitions = 1;

    private GeneratedInputs(long seed) {
        this.seed = seed;
    }

    static GeneratedInputs seed(long seed) {
        return new GeneratedInputs(seed);
    }

    /** {@code count} on-time records one second apart in partition 0, watermark 2 s behind. */
    static GeneratedData clicks(long seed, int count) {
        GeneratedInputs in = seed(seed);
        for (int i = 0; i < count; i++) {
            in.add(i, 0, Lateness.ON_TIME, i == 0 ? null : (long) i - 3, i == 0 ? null : (long) i - 3);
        }
        return in.data();
    }

    /**
     * The next record in arrival order, at {@code second} after {@link #T0}, with the watermark bounds on arrival in
     * seconds after T0 (null for none).
     */
    GeneratedInputs add(long second, int partition, Lateness lateness, Long lowest, Long highest) {
        long arrival = records.size();
        RecordLabel.Origin origin = lateness == Lateness.LATE ? RecordLabel.Origin.LATE : RecordLabel.Origin.GENERATED;
        records.add(new GeneratedRecord(Struct.of(List.of("user_id", "ts"), List.of("u" + arrival, second)), List.of(),
                T0.plusSeconds(second).toEpochMilli(), arrival, partition, arrival, origin, -1, false, lateness,
                millis(lowest), millis(highest)));
        partitions = Math.max(partitions, partition + 1);
        return this;
    }

    GeneratedData data() {
        return new GeneratedData(seed, SCHEMA, partitions, records);
    }

    private static long millis(Long second) {
        return second == null ? NONE : T0.plusSeconds(second).toEpochMilli();
    }
}
