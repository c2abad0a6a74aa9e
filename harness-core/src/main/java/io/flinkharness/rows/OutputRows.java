package io.flinkharness.rows;

import io.flinkharness.kafka.OutputRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns records read from an output topic into rows, by the topic's changelog mode. */
public final class OutputRows {
    private OutputRows() {
    }

    /** Every record is a row (an append-only sink, e.g. the {@code kafka} connector with {@code json}). */
    public static List<Row> append(List<OutputRecord> records) {
        List<Row> rows = new ArrayList<>();
        for (OutputRecord r : records) {
            if (r.value() != null) {
                rows.add(parse(r));
            }
        }
        return rows;
    }

    /**
     * The table an upsert topic ({@code upsert-kafka}) stands for: the last value per key, keys whose last
     * record is a tombstone removed. Records must be in offset order per partition, as a reader returns them.
     */
    public static List<Row> upsert(List<OutputRecord> records) {
        Map<String, Row> table = new LinkedHashMap<>();
        for (OutputRecord r : records) {
            if (r.value() == null) {
                table.remove(r.key());
            } else {
                table.put(r.key(), parse(r));
            }
        }
        return new ArrayList<>(table.values());
    }

    private static Row parse(OutputRecord r) {
        try {
            return Row.fromJson(r.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record " + r.topic() + "-" + r.partition() + "@" + r.offset()
                    + " is not a JSON row — the harness reads output written with the 'json' format: "
                    + e.getMessage(), e);
        }
    }
}
