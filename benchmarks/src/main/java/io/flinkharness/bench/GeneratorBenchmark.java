package io.flinkharness.bench;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.DeclaredWatermark;
import io.flinkharness.data.Duplicates;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.Placement;
import io.flinkharness.data.RecordEncoder;
import io.flinkharness.data.RecordEncoders;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.kafka.KafkaTopics;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.kafka.TestRecordProducer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Records generated per second, in memory on one thread, for a 10-field Avro record (click.avsc: uuid, enum,
 * timestamp-millis, date, decimal, nullable string ...). Two workloads: plain rules, and the full time model
 * (disorder, duplicates, late records, four partitions, distinct keys with Zipf skew). Then encoding (Avro, JSON)
 * and producing to a 4-partition topic of the embedded broker. Medians over runs after warm-up runs; each run
 * checks the record count so the work cannot be optimised away.
 *
 * <pre>benchmarks/run.sh generator --records 1000000 --runs 5</pre>
 */
@Command(name = "generator-benchmark", mixinStandardHelpOptions = true,
        description = "In-memory generation throughput of the data generator (records/s, one thread).")
public final class GeneratorBenchmark implements Callable<Integer> {

    @Option(names = "--records", description = "records per run (default: ${DEFAULT-VALUE})")
    int records = 1_000_000;

    @Option(names = "--runs", description = "measured runs per workload (default: ${DEFAULT-VALUE})")
    int runs = 5;

    @Option(names = "--warmups", description = "unmeasured runs first (default: ${DEFAULT-VALUE})")
    int warmups = 3;

    @Option(names = "--produce-records", description = "records per produce run to the embedded broker, 0 to skip"
            + " (default: ${DEFAULT-VALUE})")
    int produceRecords = 200_000;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GeneratorBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        RecordSchema schema = RecordSchema.fromAvro(resource("/click.avsc")).withEventTimeField("ts");
        DataGenerator plain = DataGenerator.forSchema(schema).records(records)
                .field("user_id", FieldRule.random().distinct(1_000))
                .field("page", FieldRule.oneOf("/home", "/cart", "/pay", "/search").weights(5, 2, 1, 2))
                .field("duration_ms", FieldRule.range(10, 60_000));
        DataGenerator timed = plain.field("user_id", FieldRule.random().distinct(1_000).zipf(1.1))
                .watermark(DeclaredWatermark.delay(Duration.ofSeconds(5)).onEvent())
                .outOfOrder(Duration.ofSeconds(3), 0.2)
                .duplicates(Duplicates.fraction(0.01))
                .lateRecords(100, Duration.ofSeconds(30))
                .placement(Placement.roundRobin(4));
        System.out.printf("generator: %,d records of %d fields per run, %d runs after %d warm-ups, one thread%n",
                records, schema.fieldNames().size(), runs, warmups);
        report("rules only", plain);
        report("rules + disorder, duplicates, late, 4 partitions", timed);
        GeneratedData sample = plain.records(Math.min(records, 200_000)).generate();
        reportEncoding("encode avro (the .avsc)", sample, RecordEncoders.defaultFor(schema, Optional.empty()));
        reportEncoding("encode json (Flink's json format)", sample, RecordEncoders.json(schema.rowType()));
        if (produceRecords > 0) {
            reportProduce(timed.records(produceRecords));
        }
        return 0;
    }

    private void reportEncoding(String name, GeneratedData data, RecordEncoder encoder) {
        List<Double> rates = new ArrayList<>();
        long bytes = 0;
        for (int run = 0; run < warmups + runs; run++) {
            long t0 = System.nanoTime();
            bytes = 0;
            for (GeneratedRecord r : data) {
                bytes += encoder.encode(r.value()).length;
            }
            if (run >= warmups) {
                rates.add(data.size() / ((System.nanoTime() - t0) / 1e9));
            }
        }
        Collections.sort(rates);
        System.out.printf("  %-50s median %,.0f records/s (%d bytes/record)%n", name, rates.get(rates.size() / 2),
                bytes / data.size());
    }

    /** Generate, encode and produce to a 4-partition topic of the embedded broker, acknowledged (acks=all). */
    private void reportProduce(DataGenerator generator) {
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start();
                KafkaTopics topics = KafkaTopics.connect(env.kafkaBootstrapServers());
                TestRecordProducer producer = TestRecordProducer.connect(env.kafkaBootstrapServers())) {
            List<Double> rates = new ArrayList<>();
            List<Double> endToEnd = new ArrayList<>();
            for (int run = 0; run < warmups + runs; run++) {
                String topic = "bench-" + run;
                topics.create(topic, 4);
                long t0 = System.nanoTime();
                GeneratedData data = generator.seed(run).generate();
                List<TestRecord> records = data.toTestRecords();
                long t1 = System.nanoTime();
                producer.send(topic, records);
                long t2 = System.nanoTime();
                if (run >= warmups) {
                    rates.add(records.size() / ((t2 - t1) / 1e9));
                    endToEnd.add(records.size() / ((t2 - t0) / 1e9));
                }
            }
            Collections.sort(rates);
            Collections.sort(endToEnd);
            System.out.printf("  %-50s median %,.0f records/s%n", "produce to the embedded broker (4 partitions)",
                    rates.get(rates.size() / 2));
            System.out.printf("  %-50s median %,.0f records/s%n", "generate + encode + produce",
                    endToEnd.get(endToEnd.size() / 2));
        }
    }

    private void report(String name, DataGenerator generator) {
        for (int i = 0; i < warmups; i++) {
            generate(generator, i);
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            int n = generate(generator, 100 + i);
            rates.add(n / ((System.nanoTime() - t0) / 1e9));
        }
        Collections.sort(rates);
        System.out.printf("  %-50s median %,.0f records/s (min %,.0f, max %,.0f)%n", name, rates.get(rates.size() / 2),
                rates.get(0), rates.get(rates.size() - 1));
    }

    private int generate(DataGenerator generator, long seed) {
        GeneratedData data = generator.seed(seed).generate();
        if (data.size() < records) {
            throw new IllegalStateException("generated " + data.size() + " records, expected at least " + records);
        }
        return data.size();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GeneratorBenchmark.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
