package io.flinkharness.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corners of the oracle's semantics, checked on real Flink with hand-written input in a fixed arrival order:
 * a window fires at watermark end - 1 ms, a late record still counts in the later windows of a HOP or CUMULATE,
 * AVG of INT truncates toward zero and SUM of INT wraps, strings compare by code point, keep-first drops a rowtime
 * below the watermark but not one at it, and equal rowtimes go to the first (keep first) or last (keep last) arrival.
 */
class HandWrittenAgainstFlinkTest {
    private static final String CLICKS_ROW = "ROW<user_id STRING, amount INT, price DECIMAL(10, 2), ts TIMESTAMP(3)>";
    private static final CaseRunner runner = SharedTestEnvironment.runner();

    /** A source over the hand-written records: the row's columns, a watermark {@code delay} seconds behind. */
    private static String source(String columns, int delaySeconds) {
        return "CREATE TABLE src (" + columns + ", WATERMARK FOR ts AS ts - INTERVAL '" + delaySeconds
                + "' SECOND) WITH ('connector' = 'kafka', 'topic' = '${topic.in}',"
                + " 'properties.bootstrap.servers' = '${bootstrap.servers}', 'scan.startup.mode' = 'earliest-offset',"
                + " 'scan.bounded.mode' = 'latest-offset', 'scan.watermark.emit.strategy' = 'on-event',"
                + " 'format' = 'json')";
    }

    private static String sink(String columns, boolean upsert) {
        return "CREATE TABLE results (" + columns + (upsert ? ", PRIMARY KEY (order_id) NOT ENFORCED) WITH"
                + " ('connector' = 'upsert-kafka', 'key.format' = 'json', 'value.format' = 'json',"
                : ") WITH ('connector' = 'kafka', 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once',"
                        + " 'sink.transactional-id-prefix' = '${case.id}',")
                + " 'topic' = '${topic.out}', 'properties.bootstrap.servers' = '${bootstrap.servers}')";
    }

    private static final String CLICKS = "user_id STRING, amount INT, price DECIMAL(10, 2), ts TIMESTAMP(3)";
    private static final String ORDERS = "order_id STRING, status STRING, ts TIMESTAMP(3)";

    /** One hand-written case: input, DDL, DML and the oracle. */
    record Corner(String name, GeneratedData data, String ddl, String dml, boolean upsert,
                  Function<GeneratedData, OracleResult> oracle, List<Row> pinned) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> corners() {
        GeneratedData edge = Arrivals.of(CLICKS_ROW, Duration.ZERO)
                .at("9.999", "a", 1, null).at("5", "a", 2, null)        // watermark 9.999 s: [0 s, 10 s) has fired
                .at("19.998", "b", 3, null).at("15", "b", 4, null)      // watermark 19.998 s: [10 s, 20 s) has not
                .at("21", "zed", -4, new BigDecimal("1.00")).at("22", "Émile", -3, new BigDecimal("2.00"))
                .at("23", "adam", null, new BigDecimal("2.00"))
                .at("31", "a", Integer.MAX_VALUE, null).at("32", "a", 1, null)
                .data();
        GeneratedData hop = Arrivals.clicks()
                .at("1", "a", 1, null).at("6", "a", 1, null).at("13", "a", 1, null).at("3", "a", 1, null)
                .at("8", "a", 1, null).data();
        GeneratedData cumulate = Arrivals.clicks()
                .at("1", "a", 1, null).at("7", "a", 1, null).at("12", "a", 1, null).at("16", "a", 1, null)
                .at("3", "a", 1, null).data();
        String aggregates = "window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT, total INT, mean INT,"
                + " revenue DECIMAL(38, 2), mean_price DECIMAL(38, 6), first_user STRING, last_user STRING";
        return Stream.of(
                Arguments.of(new Corner("TUMBLE: edge of the watermark and aggregate types", edge,
                        source(CLICKS, 0) + ";\n" + sink(aggregates, false), """
                        INSERT INTO results
                        SELECT window_start, window_end, COUNT(*), SUM(amount), AVG(amount), SUM(price), AVG(price),
                          MIN(user_id), MAX(user_id)
                        FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '10' SECOND))
                        GROUP BY window_start, window_end""", false,
                        data -> Oracle.tumble(Duration.ofSeconds(10)).count("n").sum("amount", "total")
                                .avg("amount", "mean").sum("price", "revenue").avg("price", "mean_price")
                                .min("user_id", "first_user").max("user_id", "last_user").expected(data),
                        List.of(Row.of("window_start", "2026-01-01 00:00:20", "window_end", "2026-01-01 00:00:30",
                                "n", 3, "total", -7, "mean", -3, "revenue", new BigDecimal("5.00"),
                                "mean_price", new BigDecimal("1.666667"), "first_user", "adam",
                                "last_user", "Émile")))),
                Arguments.of(new Corner("HOP: a late record counts in the windows that had not fired", hop,
                        source(CLICKS, 2) + ";\n" + sink("window_start TIMESTAMP(3), window_end TIMESTAMP(3),"
                                + " n BIGINT", false), """
                        INSERT INTO results
                        SELECT window_start, window_end, COUNT(*)
                        FROM TABLE(HOP(TABLE src, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
                        GROUP BY window_start, window_end""", false,
                        data -> Oracle.hop(Duration.ofSeconds(5), Duration.ofSeconds(10)).count("n").expected(data),
                        List.of(Row.of("window_start", "2026-01-01 00:00:05", "window_end", "2026-01-01 00:00:15",
                                "n", 3)))),
                Arguments.of(new Corner("CUMULATE: a late record counts in the larger windows", cumulate,
                        source(CLICKS, 2) + ";\n" + sink("window_start TIMESTAMP(3), window_end TIMESTAMP(3),"
                                + " n BIGINT", false), """
                        INSERT INTO results
                        SELECT window_start, window_end, COUNT(*)
                        FROM TABLE(CUMULATE(TABLE src, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND))
                        GROUP BY window_start, window_end""", false,
                        data -> Oracle.cumulate(Duration.ofSeconds(5), Duration.ofSeconds(15)).count("n")
                                .expected(data),
                        List.of(Row.of("window_start", "2026-01-01 00:00:00", "window_end", "2026-01-01 00:00:15",
                                "n", 4)))),
                Arguments.of(new Corner("keep first: a rowtime at the watermark is kept, below it dropped",
                        DedupOracleTest.orders(), source(ORDERS, 2) + ";\n" + sink(ORDERS, false), """
                        INSERT INTO results
                        SELECT order_id, status, ts
                        FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts ASC) AS rn FROM src)
                        WHERE rn = 1""", false,
                        data -> Oracle.dedup("order_id").keepFirst().expected(data),
                        List.of(Row.of("order_id", "o1", "status", "paid", "ts", "2026-01-01 00:00:04"),
                                Row.of("order_id", "o3", "status", "first", "ts", "2026-01-01 00:00:06")))),
                Arguments.of(new Corner("keep last: nothing is late, the last of equal rowtimes wins",
                        DedupOracleTest.orders(), source(ORDERS, 2) + ";\n" + sink(ORDERS, true), """
                        INSERT INTO results
                        SELECT order_id, status, ts
                        FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts DESC) AS rn FROM src)
                        WHERE rn = 1""", true,
                        data -> Oracle.dedup("order_id").keepLast().expected(data),
                        List.of(Row.of("order_id", "o3", "status", "second", "ts", "2026-01-01 00:00:06"),
                                Row.of("order_id", "o2", "status", "lost", "ts", "2026-01-01 00:00:07")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corners")
    void flink_agrees_with_the_oracle_on_hand_written_input(Corner corner) {
        OracleResult expected = corner.oracle.apply(corner.data);
        assertThat(expected.rows()).as("the oracle's rows").containsAll(corner.pinned);
        SqlCase.Builder builder = SqlCase.named(corner.name).topic("in", 1).topic("out", 1)
                .input("in", corner.data).ddl(corner.ddl).dml(corner.dml);
        SqlCase sqlCase = corner.upsert ? builder.expectUpsertRows("out", expected.upsertRows()).build()
                : builder.expectRows("out", expected.rows()).build();

        CaseResult result = runner.run(sqlCase);

        assertThat(result.message()).as(expected.explanation()).isEmpty();
    }
}
