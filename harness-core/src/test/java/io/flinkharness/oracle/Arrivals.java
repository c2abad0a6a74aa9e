package io.flinkharness.oracle;

import io.flinkharness.data.DeclaredWatermark;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.Lateness;
import io.flinkharness.data.RecordLabel;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.Struct;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/**
 * Hand-written input in arrival order: each row with its event time and partition, labelled as the generator labels
 * records (a partition's watermark is its largest event time so far minus the delay; with one partition and on-event
 * emission the watermark on arrival is known exactly, otherwise it may be anywhere from none to that).
 */
final class Arrivals {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long NONE = Long.MIN_VALUE;

    private final RecordSchema schema;
    private final long delay;
    private final boolean onEvent;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final List<Integer> partitions = new ArrayList<>();
    private int partitionCount = 1;

    private Arrivals(RecordSchema schema, long delay, boolean onEvent) {
        this.schema = schema;
        this.delay = delay;
        this.onEvent = onEvent;
    }

    /** Records of {@code rowType} whose event-time field is {@code ts}, watermark {@code delay} behind, on-event. */
    static Arrivals of(String rowType, Duration delay) {
        RowType type = (RowType) LogicalTypeParser.parse(rowType, Arrivals.class.getClassLoader());
        RecordSchema schema = new RecordSchema("test rows " + rowType, type, Optional.empty(), Optional.of("ts"),
                Optional.of(DeclaredWatermark.delay(delay).onEvent()), List.of(), false, Map.of());
        return new Arrivals(schema, delay.toMillis(), true);
    }

    /** user_id STRING, amount INT, price DECIMAL(10, 2), ts TIMESTAMP(3); watermark 2 s behind, on-event. */
    static Arrivals clicks() {
        return of("ROW<user_id STRING, amount INT, price DECIMAL(10, 2), ts TIMESTAMP(3)>", Duration.ofSeconds(2));
    }

    /** Without a watermark: lateness unknown. */
    static GeneratedData withoutWatermark(String rowType, long... seconds) {
        RowType type = (RowType) LogicalTypeParser.parse(rowType, Arrivals.class.getClassLoader());
        RecordSchema schema = new RecordSchema("test rows without watermark", type, Optional.empty(),
                Optional.of("ts"), Optional.empty(), List.of(), false, Map.of());
        List<GeneratedRecord> records = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            Object[] values = new Object[type.getFieldCount()];
            values[type.getFieldNames().indexOf("ts")] = time(T0.toEpochMilli() + seconds[i] * 1000);
            records.add(new GeneratedRecord(Struct.of(type.getFieldNames(), Arrays.asList(values)), List.of(),
                    T0.toEpochMilli() + seconds[i] * 1000, i, 0, i, RecordLabel.Origin.EXPLICIT, -1, false,
                    Lateness.UNKNOWN, NONE, NONE));
        }
        return new GeneratedData(1, schema, 1, records);
    }

    /** Periodic emission: the watermark may lag, so nothing is surely late. */
    Arrivals periodic() {
        Arrivals copy = new Arrivals(schema.withWatermark(DeclaredWatermark.delay(Duration.ofMillis(delay))), delay,
                false);
        copy.partitionCount = partitionCount;
        return copy;
    }

    /** The next record: event time as seconds after {@link #T0} ("12.5"), then the other fields in order. */
    Arrivals at(String seconds, Object... fields) {
        return in(0, seconds, fields);
    }

    /** The next record, in partition {@code p}. */
    Arrivals in(int p, String seconds, Object... fields) {
        long t = T0.toEpochMilli() + Math.round(Double.parseDouble(seconds) * 1000);
        List<String> names = schema.fieldNames();
        Object[] values = new Object[names.size()];
        int f = 0;
        for (int i = 0; i < names.size(); i++) {
            values[i] = names.get(i).equals("ts") ? time(t) : fields[f++];
        }
        rows.add(values);
        times.add(t);
        partitions.add(p);
        partitionCount = Math.max(partitionCount, p + 1);
        return this;
    }

    GeneratedData data() {
        Map<Integer, Long> max = new HashMap<>();
        Map<Integer, Long> positions = new HashMap<>();
        List<GeneratedRecord> records = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int p = partitions.get(i);
            long t = times.get(i);
            Long m = max.get(p);
            long own = m == null ? NONE : m - delay;
            long lowest = partitionCount == 1 && onEvent ? own : NONE;
            Lateness lateness = own == NONE || t > own ? Lateness.ON_TIME
                    : lowest != NONE && t <= lowest ? Lateness.LATE
                    : partitionCount == 1 ? Lateness.DEPENDS_ON_EMISSION_TIMING : Lateness.DEPENDS_ON_INTERLEAVING;
            long position = positions.merge(p, 1L, Long::sum) - 1;
            records.add(new GeneratedRecord(Struct.of(schema.fieldNames(), Arrays.asList(rows.get(i))), List.of(), t,
                    i, p, position, RecordLabel.Origin.EXPLICIT, -1, false, lateness, lowest, own));
            max.merge(p, t, Math::max);
        }
        return new GeneratedData(7, schema, partitionCount, records);
    }

    private static LocalDateTime time(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
