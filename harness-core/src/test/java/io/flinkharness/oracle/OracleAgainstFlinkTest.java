package io.flinkharness.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.Duplicates;
import io.flinkharness.data.ExplicitRow;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.Placement;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.TimeModel;
import io.flinkharness.kafka.ReadCommittedReader;
import io.flinkharness.rows.OutputRows;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle against real Flink, on generated input with disorder, duplicates and late records: on one partition
 * with on-event watermarks Flink's output is exactly the oracle's rows; on several partitions it agrees on every
 * window and key the oracle does not flag.
 */
class OracleAgainstFlinkTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SOURCE_OPTIONS = """
            'connector' = 'kafka',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'scan.startup.mode' = 'earliest-offset',
              'scan.bounded.mode' = 'latest-offset',
              'scan.watermark.emit.strategy' = 'on-event',
              'format' = 'json'""";
    private static final String CLICKS = """
            CREATE TABLE clicks (
              user_id STRING,
              page STRING,
              amount INT,
              price DECIMAL(10, 2),
              ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
            ) WITH (
              'topic' = '${topic.in}',
              """ + SOURCE_OPTIONS + ")";
    private static final String ORDERS = """
            CREATE TABLE orders (
              order_id STRING,
              status STRING,
              amount INT,
              ts TIMESTAMP(3),
              proc AS PROCTIME(),
              WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
            ) WITH (
              'topic' = '${topic.in}',
              """ + SOURCE_OPTIONS + ")";
    private static final String APPEND_SINK = """
            ) WITH (
              'connector' = 'kafka',
              'topic' = '${topic.out}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'sink.delivery-guarantee' = 'exactly-once',
              'sink.transactional-id-prefix' = '${case.id}',
              'format' = 'json'
            )""";
    private static final String UPSERT_SINK = """
            , PRIMARY KEY (order_id) NOT ENFORCED
            ) WITH (
              'connector' = 'upsert-kafka',
              'topic' = '${topic.out}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'key.format' = 'json',
              'value.format' = 'json'
            )""";
    private static final String ORDERS_SINK = "CREATE TABLE results (order_id STRING, status STRING, amount INT,"
            + " ts TIMESTAMP(3)";

    private static final CaseRunner runner = SharedTestEnvironment.runner();
    private static final ReadCommittedReader reader =
            ReadCommittedReader.connect(SharedTestEnvironment.get().kafkaBootstrapServers());

    @AfterAll
    static void closeReader() {
        reader.close();
    }

    /** One query: the sink, the DML, and the oracle that predicts it. */
    record Shape(String name, boolean orders, int partitions, String sink, String dml, boolean upsert,
                 Function<GeneratedData, OracleResult> oracle) {
        /** One partition, on-event watermarks, no offset: Flink's output is exactly the oracle's rows. */
        boolean exact() {
            return partitions == 1 && !name.contains("offset");
        }

        @Override
        public String toString() {
            return name + (partitions == 1 ? "" : ", " + partitions + " partitions");
        }
    }

    private static final Shape TUMBLE = new Shape("TUMBLE, two-phase aggregates", false, 1, """
            CREATE TABLE results (window_start TIMESTAMP(3), window_end TIMESTAMP(3), user_id STRING, clicks BIGINT,
              amounts BIGINT, total INT, least INT, most INT, mean INT, revenue DECIMAL(38, 2),
              mean_price DECIMAL(38, 6), first_page STRING""" + APPEND_SINK, """
            INSERT INTO results
            SELECT window_start, window_end, user_id, COUNT(*), COUNT(amount), SUM(amount), MIN(amount),
              MAX(amount), AVG(amount), SUM(price), AVG(price), MIN(page)
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
            GROUP BY window_start, window_end, user_id""", false,
            data -> Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id").count("clicks")
                    .count("amount", "amounts").sum("amount", "total").min("amount", "least")
                    .max("amount", "most").avg("amount", "mean").sum("price", "revenue")
                    .avg("price", "mean_price").min("page", "first_page").expected(data));

    private static final Shape OFFSET = new Shape("TUMBLE with offset", false, 1, """
            CREATE TABLE results (window_start TIMESTAMP(3), window_end TIMESTAMP(3), user_id STRING, clicks BIGINT,
              total INT""" + APPEND_SINK, """
            INSERT INTO results
            SELECT window_start, window_end, user_id, COUNT(*), SUM(amount)
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '3' SECOND))
            GROUP BY window_start, window_end, user_id""", false,
            data -> Oracle.tumble(Duration.ofSeconds(10), Duration.ofSeconds(3)).groupBy("user_id").count("clicks")
                    .sum("amount", "total").expected(data));

    private static final Shape HOP = new Shape("HOP", false, 1, """
            CREATE TABLE results (window_start TIMESTAMP(3), window_end TIMESTAMP(3), user_id STRING, clicks BIGINT,
              total INT, mean_price DECIMAL(38, 6), last_page STRING""" + APPEND_SINK, """
            INSERT INTO results
            SELECT window_start, window_end, user_id, COUNT(*), SUM(amount), AVG(price), MAX(page)
            FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND))
            GROUP BY window_start, window_end, user_id""", false,
            data -> Oracle.hop(Duration.ofSeconds(5), Duration.ofSeconds(15)).groupBy("user_id").count("clicks")
                    .sum("amount", "total").avg("price", "mean_price").max("page", "last_page").expected(data));

    private static final Shape CUMULATE = new Shape("CUMULATE, COUNT DISTINCT", false, 1, """
            CREATE TABLE results (window_start TIMESTAMP(3), window_end TIMESTAMP(3), page STRING, clicks BIGINT,
              total INT, least INT, users BIGINT""" + APPEND_SINK, """
            INSERT INTO results
            SELECT window_start, window_end, page, COUNT(*), SUM(amount), MIN(amount), COUNT(DISTINCT user_id)
            FROM TABLE(CUMULATE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '20' SECOND))
            GROUP BY window_start, window_end, page""", false,
            data -> Oracle.cumulate(Duration.ofSeconds(5), Duration.ofSeconds(20)).groupBy("page").count("clicks")
                    .sum("amount", "total").min("amount", "least").countDistinct("user_id", "users")
                    .expected(data));

    private static final Shape FIRST = new Shape("keep first on event time", true, 1, ORDERS_SINK + APPEND_SINK, """
            INSERT INTO results
            SELECT order_id, status, amount, ts
            FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts ASC) AS rn FROM orders)
            WHERE rn = 1""", false,
            data -> Oracle.dedup("order_id").keepFirst().expected(data));

    private static final Shape LAST = new Shape("keep last on event time", true, 1, ORDERS_SINK + UPSERT_SINK, """
            INSERT INTO results
            SELECT order_id, status, amount, ts
            FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts DESC) AS rn FROM orders)
            WHERE rn = 1""", true,
            data -> Oracle.dedup("order_id").keepLast().expected(data));

    private static final Shape LAST_ARRIVAL = new Shape("keep last on processing time", true, 1,
            ORDERS_SINK + UPSERT_SINK, """
            INSERT INTO results
            SELECT order_id, status, amount, ts
            FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proc DESC) AS rn FROM orders)
            WHERE rn = 1""", true,
            data -> Oracle.dedup("order_id").onProcessingTime().keepLast().expected(data));

    /**
     * A few seeds per shape; {@code -Doracle.moreSeeds=N} adds N more seeds to every shape for a longer soak
     * ({@code mvn -o -pl harness-core test -Dtest=OracleAgainstFlinkTest -Doracle.moreSeeds=20}).
     */
    static Stream<Arguments> cases() {
        int more = Integer.getInteger("oracle.moreSeeds", 0);
        Stream<Arguments> soak = Stream.of(TUMBLE, HOP, CUMULATE, FIRST, LAST, LAST_ARRIVAL, onPartitions(TUMBLE, 3),
                onPartitions(HOP, 2), onPartitions(CUMULATE, 2), onPartitions(FIRST, 2), onPartitions(LAST, 3))
                .flatMap(shape -> java.util.stream.LongStream.range(100, 100 + more)
                        .mapToObj(seed -> Arguments.of(shape, seed)));
        return Stream.concat(fixed(), soak);
    }

    private static Stream<Arguments> fixed() {
        return Stream.of(
                Arguments.of(OFFSET, 17L),
                Arguments.of(TUMBLE, 1L), Arguments.of(TUMBLE, 2L),
                Arguments.of(HOP, 3L), Arguments.of(HOP, 4L),
                Arguments.of(CUMULATE, 5L), Arguments.of(CUMULATE, 6L),
                Arguments.of(FIRST, 7L), Arguments.of(FIRST, 8L),
                Arguments.of(LAST, 9L), Arguments.of(LAST, 10L),
                Arguments.of(LAST_ARRIVAL, 11L),
                Arguments.of(onPartitions(TUMBLE, 3), 12L), Arguments.of(onPartitions(HOP, 2), 13L),
                Arguments.of(onPartitions(CUMULATE, 2), 14L), Arguments.of(onPartitions(FIRST, 2), 15L),
                Arguments.of(onPartitions(LAST, 3), 16L));
    }

    private static Shape onPartitions(Shape shape, int partitions) {
        return new Shape(shape.name, shape.orders, partitions, shape.sink, shape.dml, shape.upsert, shape.oracle);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void the_oracle_predicts_what_flink_computes(Shape shape, long seed) {
        GeneratedData data = shape.orders ? orders(seed, shape.partitions) : clicks(seed, shape.partitions);
        OracleResult expected = shape.oracle.apply(data);
        SqlCase.Builder builder = SqlCase.named(shape + ", seed " + seed)
                .topic("in", shape.partitions).topic("out", 1).input("in", data)
                .ddl((shape.orders ? ORDERS : CLICKS) + ";\n" + shape.sink).dml(shape.dml);
        SqlCase sqlCase = shape.upsert ? builder.expectUpsertRows("out", expected.upsertRows()).build()
                : builder.expectRows("out", expected.rows()).build();

        CaseResult result = runner.run(sqlCase);

        if (shape.exact()) {
            assertThat(expected.isExact()).as(expected.explanation()).isTrue();
            assertThat(result.message()).as(expected.explanation()).isEmpty();
        } else if (!result.passed()) {
            assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.FAILED);
            expected.assertMatches("topic 'out'", actual(result, shape.upsert));
        }
        if (shape.name.contains("offset")) {
            assertThat(expected.rows()).isEmpty();
            assertThat(expected.flagged()).hasSizeGreaterThan(30);
        } else {
            assertThat(expected.rows()).as("rows compared").hasSizeGreaterThan(20);
        }
    }

    private static List<Row> actual(CaseResult result, boolean upsert) {
        var records = reader.readToEnd(result.topics().get("out"), Duration.ofSeconds(30));
        return upsert ? OutputRows.upsert(records) : OutputRows.append(records);
    }

    private static GeneratedData clicks(long seed, int partitions) {
        return common(DataGenerator.forSchema(RecordSchema.fromDdl(CLICKS)), seed, partitions)
                .field("user_id", FieldRule.random().distinct(6))
                .field("page", FieldRule.oneOf("/home", "/cart", "/pay", "/help"))
                .field("amount", FieldRule.range(-300, 300).nullRate(0.05))
                .field("price", FieldRule.range(new BigDecimal("0.01"), new BigDecimal("99.99")).nullRate(0.05))
                .generate();
    }

    private static GeneratedData orders(long seed, int partitions) {
        Instant tie = T0.plusSeconds(30);
        return common(DataGenerator.forSchema(RecordSchema.fromDdl(ORDERS)), seed, partitions)
                .field("order_id", FieldRule.random().distinct(40))
                .field("status", FieldRule.oneOf("created", "paid", "shipped", "cancelled"))
                .field("amount", FieldRule.range(1, 1000))
                // two rows of one key with the same rowtime: the first to arrive is kept first, the last kept last
                .explicit(ExplicitRow.of(Map.of("order_id", "tie", "status", "a", "amount", 1)).at(tie).inPartition(0),
                        ExplicitRow.of(Map.of("order_id", "tie", "status", "b", "amount", 2)).at(tie).inPartition(0))
                .generate();
    }

    private static DataGenerator common(DataGenerator generator, long seed, int partitions) {
        return generator.seed(seed).records(300)
                .time(TimeModel.startingAt(T0).every(Duration.ofMillis(200)).withJitter(Duration.ofMillis(100)))
                .outOfOrder(Duration.ofMillis(3_500), 0.3)
                .duplicates(Duplicates.count(10))
                .lateRecords(8, Duration.ofSeconds(12))
                .placement(partitions == 1 ? Placement.single() : Placement.roundRobin(partitions));
    }
}
