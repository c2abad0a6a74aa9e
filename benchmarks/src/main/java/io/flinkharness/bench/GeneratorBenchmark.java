package io.flinkharness.bench;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.DeclaredWatermark;
import io.flinkharness.data.Duplicates;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.Placement;
import io.flinkharness.data.RecordSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Records generated per second, in memory on one thread, for a 10-field Avro record (click.avsc: uuid, enum,
 * timestamp-millis, date, decimal, nullable string ...). Two workloads: plain rules, and the full time model
 * (disorder, duplicates, late records, four partitions, distinct keys with Zipf skew). Medians over runs after
 * warm-up runs; each run checks the record count so the work cannot be optimised away.
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
        return 0;
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
