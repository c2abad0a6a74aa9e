package io.flinkharness.cases;

import io.flinkharness.cases.internal.CaseFileReader;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads {@link SqlCase}s from YAML files. A file holds one case:
 *
 * <pre>
 * name: clicks per user and 5-second window
 * tags: [windows, smoke]             # optional: to select cases by
 * timeout: 60s                       # optional: 500ms, 60s, 2m
 * topics:
 *   clicks: { partitions: 4 }
 *   counts: { partitions: 1 }
 * input:
 *   clicks:
 *     - { key: alice, value: { user: alice, amount: 3 }, timestamp: "2024-01-01T00:00:01Z", partition: 0 }
 * generate:                          # optional: records generated for a table of the ddl, see GeneratorSpec
 *   clicks: { schema: { table: clicks }, seed: 7, records: 1000, ... }
 * ddl: |                             # or ddlFile: sql/tables.sql (relative to this file)
 *   CREATE TABLE clicks (...) WITH ('topic' = '${topic.clicks}', ...);
 * dml: |                             # or dmlFile: sql/counts.sql
 *   INSERT INTO counts SELECT ...
 * expect:
 *   - topic: counts
 *     mode: append                     # or upsert, retract, changelog
 *     match: exactly                   # or in-order, contains (at least these rows)
 *     rows:
 *       - { user: alice, clicks: 1 }
 *     windows: { tumble: 5s, present: ["2024-01-01 00:00:00"], noOthers: true,
 *                noLateRecordCounted: { input: clicks, count: clicks } }
 *     oracle: { input: clicks, tumble: 5s, groupBy: [user], aggregates: { clicks: count(*), total: sum(amount) } }
 *   - topic: first_orders
 *     unique: [order_id]
 *     dedup: { input: orders, key: order_id, keep: first }   # against the generated input's labels
 * validate:                          # queries over the case's tables once the jobs have finished
 *   - name: no order counted twice
 *     sql: SELECT order_id, COUNT(*) AS n FROM first_orders GROUP BY order_id HAVING COUNT(*) > 1
 *     rows: []
 * run:                               # optional: bounded (the default) or unbounded, see below
 *   mode: unbounded
 * </pre>
 *
 * <p>A case runs bounded unless {@code run: { mode: unbounded }} says otherwise: then its job keeps running (its
 * source tables must not set {@code 'scan.bounded.mode'}), the steps run in order once it runs, the expectations
 * are checked against what is committed when they are done, and the job is cancelled. Without {@code steps}, every
 * declared input is sent, then the expectations are awaited:
 *
 * <pre>
 * run:
 *   mode: unbounded
 *   timeout: 30s                                 # the limit of each wait; default: the case's timeout
 *   steps:
 *     - send: { topic: clicks, records: 3 }      # the next 3 records of the topic's input; send: clicks for the rest
 *     - advance: { table: clicks, to: '2026-01-01T00:01:05Z', partitions: [0, 2], values: { user: heartbeat } }
 *     - fire: { table: clicks, windowEnd: '2026-01-01T00:01:00Z', values: { user: heartbeat } }
 *     - await: { table: counts, windowEnd: '2026-01-01T00:01:00Z', withinCheckpoints: 2, timeout: 10s }
 *     - await: { table: counts, rowCount: 3 }    # or atLeastRows: 2; windowEnd takes endColumn (default window_end)
 *     - await: expectations                      # polls until every expect check passes
 * </pre>
 *
 * <p>{@code advance} and {@code fire} send heartbeat records ({@link io.flinkharness.run.EventTime}): real rows the
 * query reads, so give them {@code values} it filters out. Every input of the case must be sent by some step; a
 * table named by a step must be created by the case's DDL.
 *
 * <p>or several: {@code cases:} a list of cases, and {@code shared:} the fields they all start from (a case's own
 * field replaces a shared one; topics, input and generate merge topic by topic; tags add up):
 *
 * <pre>
 * shared:
 *   topics: { clicks: { partitions: 1 }, counts: { partitions: 1 } }
 *   ddlFile: sql/tables.sql
 *   dml: INSERT INTO counts SELECT ...
 * cases:
 *   - name: one click
 *     input: { clicks: [ ... ] }
 *     expect: [ ... ]
 *   - name: no clicks
 *     expect: [ { topic: counts, rows: [] } ]
 * </pre>
 *
 * <p>A {@code key} or {@code value} written as a mapping is sent as compact JSON, one written as text as is;
 * {@code timestamp} (required) is the record's Kafka timestamp as an ISO-8601 instant. Every problem is reported
 * as a {@link CaseFileException} naming the file, line, column and field ({@code cases[2].expect[0].rows}); a case
 * that does not load is reported alone, the other cases of its file still load.
 *
 * <pre>{@code
 * SqlCase c = CaseFiles.load(Path.of("samples/cases/tumble-window.yaml"));
 * List<LoadedCase> all = CaseFiles.loadAll(Path.of("samples/cases"));
 * }</pre>
 */
public final class CaseFiles {
    private CaseFiles() {
    }

    /**
     * Reads and validates a file of one case; the case's {@link SqlCase#source()} is the file's path.
     *
     * @throws CaseFileException if the file cannot be read, does not describe a valid case, or holds several
     */
    public static SqlCase load(Path file) {
        return CaseFileReader.read(file);
    }

    /**
     * Loads the cases of a case file, or of every {@code *.yaml} / {@code *.yml} file under a directory
     * (recursively, in path order; hidden files are skipped). A case (or a file) that fails to load is returned with
     * its error; the others still load.
     *
     * @throws UncheckedIOException if {@code fileOrDirectory} does not exist or cannot be listed
     */
    public static List<LoadedCase> loadAll(Path fileOrDirectory) {
        List<LoadedCase> loaded = new ArrayList<>();
        for (Path file : caseFiles(fileOrDirectory)) {
            loaded.addAll(CaseFileReader.readAll(file));
        }
        return loaded;
    }

    /**
     * Resolves the schemas a case file's {@code generate:} section names, as loading the file does: tables of the
     * case's DDL, Avro files relative to the case file, inline schemas, registry subjects.
     */
    public static io.flinkharness.data.SchemaResolver schemaResolver(Path caseFile, String ddl) {
        return io.flinkharness.cases.internal.CaseSchemas.of(caseFile, ddl);
    }

    /** The case files a path stands for: the file itself, or the YAML files under a directory. */
    public static List<Path> caseFiles(Path fileOrDirectory) {
        if (!Files.isDirectory(fileOrDirectory)) {
            if (!Files.exists(fileOrDirectory)) {
                throw new UncheckedIOException(new java.nio.file.NoSuchFileException(fileOrDirectory.toString(),
                        null, "no such file or directory"));
            }
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> files = Files.walk(fileOrDirectory)) {
            return files.filter(Files::isRegularFile).filter(CaseFiles::isYaml).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list case files under " + fileOrDirectory, e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
