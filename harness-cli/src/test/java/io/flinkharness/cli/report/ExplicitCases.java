package io.flinkharness.cli.report;

import io.flinkharness.kafka.TestRecord;
import io.flinkharness.run.SqlCase;
import java.time.Instant;

/** Cases with explicit JSON input on topic {@code clicks} and a 10-second TUMBLE, as case files write them. */
final class ExplicitCases {
    static final String TUMBLE = "INSERT INTO counts SELECT window_start, COUNT(*)"
            + " FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end";

    private ExplicitCases() {
    }

    /** The DDL of clicks (watermark 2 s behind {@code ts}, emitted as given) and counts. */
    static String ddl(String emitStrategy) {
        return "CREATE TABLE clicks (\n  user_id STRING,\n  ts TIMESTAMP(3),\n"
                + "  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND\n) WITH (\n  'connector' = 'kafka',\n"
                + "  'topic' = '${topic.clicks}',\n  'scan.watermark.emit.strategy' = '" + emitStrategy + "',\n"
                + "  'format' = 'json'\n);\n"
                + "CREATE TABLE counts (window_start TIMESTAMP(3), n BIGINT) WITH ('connector' = 'kafka',"
                + " 'topic' = '${topic.counts}', 'format' = 'json');";
    }

    /** A record whose {@code ts} is {@code second} after 2026-01-01T00:00:00; its Kafka timestamp an hour later. */
    static TestRecord click(int second, int partition) {
        String ts = String.format("2026-01-01 00:00:%02d", second);
        return TestRecord.of("u", "{\"user_id\": \"u\", \"ts\": \"" + ts + "\"}",
                Instant.parse("2026-01-01T01:00:00Z")).withPartition(partition);
    }

    /** Seconds 1, 5, 12, 3 (9 s behind 12, so 7 s behind the watermark) and 14, on {@code partitions} partitions. */
    static SqlCase withOneLateRecord(int partitions, String emitStrategy) {
        return SqlCase.named("explicit").topic("clicks", partitions).topic("counts", 1)
                .input("clicks", click(1, 0), click(5, 0), click(12, 0), click(3, 0), click(14, 0))
                .ddl(ddl(emitStrategy)).dml(TUMBLE).build();
    }
}
