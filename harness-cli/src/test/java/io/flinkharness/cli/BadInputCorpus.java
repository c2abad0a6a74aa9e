package io.flinkharness.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bad-input corpus in {@code src/test/resources/bad-input}: case files broken in one way each, named for the
 * mistake, and for each what {@code validate FILE} prints and how {@code run} reports it. Most files are a small
 * valid case (clicks copied into copies) with one change; the first comment line of each says what is wrong.
 *
 * <p>In the expected text {@code {file}} stands for the case file as given on the command line and {@code {dir}}
 * for its folder as an absolute path. What {@code run} prints for a case that loads but fails is matched line by
 * line, {@code *} standing for any text (topic names and job ids are random).
 *
 * <pre>{@code
 * BadInput tab = BadInputCorpus.named("yaml-tab-indent.yaml");
 * tab.validateLines(file)   // ["FAIL  " + file, "      " + file + ":6:1: YAML syntax: found character ..."]
 * }</pre>
 */
final class BadInputCorpus {
    static final Path FOLDER = Path.of("src", "test", "resources", "bad-input");

    /**
     * One broken file.
     *
     * @param file its name in the corpus folder
     * @param validateExit the exit code of {@code validate FILE}: 2, or 0 where the mistake shows only when the case
     *     runs
     * @param problems what validate prints under {@code FAIL  FILE}, without the indent: the problem as
     *     {@code file:line:column: field: problem — fix}, then its details
     * @param run how {@code run} reports it: {@link Run#NOT_LOADED} (with the validate message), or a case that ran
     */
    record BadInput(String file, int validateExit, List<String> problems, Run run) {
        /** The lines validate prints for the file given as {@code path}, without the summary. */
        List<String> validateLines(Path path) {
            if (validateExit == ExitCodes.PASSED) {
                return List.of("OK  " + path + " (1 case)");
            }
            return Stream.concat(Stream.of("FAIL  " + path), problems.stream().map(p -> "      " + fill(p, path)))
                    .toList();
        }

        /** The message run prints under {@code FAIL  FILE  (not loaded)}. */
        String notLoadedMessage(Path path) {
            return fill(problems.get(0), path);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /**
     * How {@code run} reports a file whose case loads: {@code FAIL  NAME  (1.23 s)} and under it (indented) these
     * lines, in this order, with other lines between them allowed.
     */
    record Run(String caseName, List<String> details) {
        static final Run NOT_LOADED = new Run(null, List.of());

        boolean loads() {
            return caseName != null;
        }
    }

    static final List<BadInput> ALL = List.of(
            // YAML syntax
            notLoaded("yaml-tab-indent.yaml", "{file}:6:1: YAML syntax: found character '\\t(TAB)' that cannot start"
                    + " any token. (Do not use \\t(TAB) for indentation) (while scanning for the next token) — check"
                    + " the indentation and quoting there: a value that contains ': ' or ' #', or starts with '{',"
                    + " '[', '*' or '&', needs quotes"),
            notLoaded("yaml-unclosed-brace.yaml", "{file}:7:6: YAML syntax: expected ',' or '}', but got : (while"
                    + " parsing a flow mapping that starts at line 6) — check the indentation and quoting there: a"
                    + " value that contains ': ' or ' #', or starts with '{', '[', '*' or '&', needs quotes"),
            notLoaded("yaml-unterminated-quote.yaml", "{file}:37:1: YAML syntax: found unexpected end of stream (while"
                    + " scanning a quoted scalar that starts at line 9) — check the indentation and quoting there: a"
                    + " value that contains ': ' or ' #', or starts with '{', '[', '*' or '&', needs quotes"),
            notLoaded("duplicate-key.yaml", "{file}:4:1: timeout: appears twice (first at line 3) — keep one of them"),
            notLoaded("second-document.yaml", "{file}:38:1: a second YAML document starts here — put several cases in"
                    + " one document under cases:, or one case per file"),
            notLoaded("empty-file.yaml", "{file}:1:1: the file is empty — a case file needs at least name, topics and"
                    + " dml"),
            // harness-core gives no line: the first byte that is not UTF-8 is on line 1
            notLoaded("not-utf8.yaml", "{file}: cannot read: not UTF-8 text — save the file as UTF-8"),
            notLoaded("top-level-list.yaml", "{file}:2:1: expected a mapping of the case's fields, got a list — a case"
                    + " file is a mapping with name, topics, input, ddl, dml and expect"),

            // unknown keys
            notLoaded("unknown-top-level-key.yaml", "{file}:4:1: topcs: unknown field 'topcs' — did you mean"
                    + " 'topics'? (known fields: name, tags, timeout, topics, input, generate, ddl, ddlFile, dml,"
                    + " dmlFile, expect, validate, run)"),
            notLoaded("input-record-unknown-key.yaml", "{file}:9:79: input.clicks[0].partiton: unknown field"
                    + " 'partiton' — did you mean 'partition'? (known fields: key, value, timestamp, partition,"
                    + " headers)"),
            notLoaded("expect-unknown-key.yaml", "{file}:35:5: expect[0].row: unknown field 'row' — did you mean"
                    + " 'rows'? (known fields: topic, mode, match, columns, tolerance, rows, windows, unique, dedup,"
                    + " oracle)"),
            notLoaded("unknown-key-next-to-cases.yaml", "{file}:2:1: name: unknown field 'name' next to cases — fields"
                    + " of a file with several cases: shared, cases; fields every case shares go under shared:, a"
                    + " case's own under its entry in cases:"),

            // wrong types and values
            notLoaded("partitions-not-a-number.yaml", "{file}:6:25: topics.copies.partitions: expected a whole number,"
                    + " got the text \"one\" — write a whole number without quotes, e.g. 4"),
            notLoaded("expect-rows-not-a-list.yaml", "{file}:36:7: expect[0].rows: expected a list, got a mapping —"
                    + " write a list: one '- item' per line, or [a, b]"),
            notLoaded("timestamp-not-iso.yaml", "{file}:9:55: input.clicks[0].timestamp: '2024-01-01 00:00:01' is not"
                    + " an ISO-8601 instant — every input record needs its Kafka timestamp as an ISO-8601 instant, e.g."
                    + " timestamp: \"2024-01-01T00:00:01Z\""),
            notLoaded("timeout-not-a-duration.yaml", "{file}:3:10: timeout: 'twenty' is not a duration — write a"
                    + " positive number with a unit: 500ms, 60s, 2m"),
            notLoaded("expect-unknown-mode.yaml", "{file}:35:11: expect[0].mode: unknown mode 'upsrt' — did you mean"
                    + " 'upsert'? (modes: append, upsert, retract, changelog); append: every record is a row, upsert:"
                    + " the last value per key is the row, retract: the changes of a changelog format applied,"
                    + " changelog: every change is a row with its op"),
            notLoaded("windows-bad-duration.yaml", "{file}:45:45: expect[0].windows.tumble: '5 seconds' is not a"
                    + " duration — write e.g. 500ms, 10s, 1m or PT1M"),
            notLoaded("name-missing.yaml", "{file}:2:1: name: missing — give the case a name, e.g. name: orders per"
                    + " minute"),
            notLoaded("partition-out-of-range.yaml", "{file}:9:90: input.clicks[0].partition: partition 1 is out of"
                    + " range: the topic has 1 partition — use partition 0, or declare more partitions under topics"),

            // unbounded runs
            notLoaded("run-unbounded-bounded-source.yaml", "{file}:38:9: run.mode: unbounded, but table clicks"
                    + " (statement 1 (line 11) of {file} ddl) has 'scan.bounded.mode' = 'latest-offset', so its source"
                    + " would stop at the offsets present at start and the job would finish — remove"
                    + " 'scan.bounded.mode' from the table for an unbounded run, or run the case bounded"),
            notLoaded("run-step-unknown.yaml", "{file}:40:7: run.steps[1].awiat: unknown step 'awiat' — did you mean"
                    + " 'await'? (steps: send, advance, fire, await)"),
            notLoaded("run-send-without-input.yaml", "{file}:40:13: run.steps[1].send: topic 'copies' has no declared"
                    + " input to send — declare its records under input.copies (or generate.copies); topics with"
                    + " input: clicks"),
            notLoaded("run-await-two-conditions.yaml", "{file}:40:14: run.steps[1].await: several conditions"
                    + " (rowCount, atLeastRows) — give one of rowCount, atLeastRows, windowEnd; await them in separate"
                    + " steps"),
            notLoaded("run-steps-in-bounded-case.yaml", "{file}:38:3: run.steps: steps in a bounded case — steps are"
                    + " for an unbounded run: add mode: unbounded under run:, or remove the steps (a bounded case"
                    + " sends all its input first)"),

            // missing files
            notLoaded("ddl-file-missing.yaml", "{file}:10:10: ddlFile: no file {dir}/sql/no-such-tables.sql — the path"
                    + " is relative to the folder of ddl-file-missing.yaml"),
            notLoaded("dml-file-empty.yaml", "{file}:31:10: dmlFile: the file {dir}/sql/empty.sql is empty — give the"
                    + " statement under test, e.g. dml: INSERT INTO counts SELECT ..."),
            notLoaded("avro-file-missing.yaml", "{file}:9:13: generate.clicks.schema: no Avro schema file"
                    + " {dir}/no-such-click.avsc (paths are relative to the case file)"),

            // unknown topics
            notLoaded("input-unknown-topic.yaml", "{file}:8:3: input.click: topic 'click' is not declared under topics"
                    + " — did you mean 'clicks'? (declared topics: clicks, copies)"),
            notLoaded("expect-unknown-topic.yaml", "{file}:34:12: expect[0].topic: topic 'copy' is not declared under"
                    + " topics — declared topics: clicks, copies"),
            sql("topic-literal-without-placeholder.yaml", """
                    {file}:27:5: ddl statement 2: table option 'topic' = 'copies' names a topic that the case does not\
                     create — declare it in the case's topics and write '${topic.copies}' (declared topics: [clicks,\
                     copies])
                      27 |     'topic' = 'copies',
                         |     ^""",
                    ran("topic literal without placeholder", "error while preparing topics and running the ddl:"
                            + " statement 2 (line 22) of {file} ddl: table option 'topic' = 'copies' names a topic that"
                            + " does not exist on * — declare it in the case's topics and write '${topic.copies}'"
                            + " (declared topics: [clicks, copies])")),
            sql("placeholder-unknown.yaml", """
                    {file}:27:16: ddl statement 2: unknown placeholder ${topic.copy}; known placeholders:\
                     [bootstrap.servers, case.id, kafka.options, schema.registry.url, topic.clicks, topic.copies] (topics must be\
                     declared in the case to get a ${topic.NAME} placeholder)
                      27 |     'topic' = '${topic.copy}',
                         |                ^""",
                    ran("placeholder unknown", "error while preparing topics and running the ddl: statement 2 (line"
                            + " 22) of {file} ddl: unknown placeholder ${topic.copy}; known placeholders:"
                            + " [bootstrap.servers, case.id, kafka.options, topic.clicks, topic.copies] (topics must be declared in"
                            + " the case to get a ${topic.NAME} placeholder)")),
            // not caught before the run: harness-core does not check topic names when it loads a case
            notLoaded("topic-name-invalid.yaml", "{file}:7:3: topics.spare topic!: 'spare topic!' is not a valid Kafka"
                    + " topic name — use letters, digits, '.', '_' and '-'"),

            // SQL errors
            sql("dml-syntax-error.yaml", """
                    {file}:32:49: dml statement 1: SQL parse failed. Encountered "clicks".
                      Was expecting one of: <EOF>, "EXCEPT" ..., "FETCH" ..., "FROM" ..., "INTERSECT" ..., "LIMIT" ...,\
                     "OFFSET" ..., "ORDER" ..., ... (4 more)
                      32 |   INSERT INTO copies SELECT `user`, amount FORM clicks
                         |                                                 ^""",
                    ran("dml syntax error", "error while submitting the dml: statement 1 (line 32) of {file} dml"
                            + " failed: SQL parse failed. Encountered \"clicks\" at line 1, column 47.",
                            "    32 | INSERT INTO copies SELECT `user`, amount FORM clicks",
                            "       |                                               ^ line 32, column 47")),
            sql("dml-unknown-column.yaml", """
                    {file}:32:37: dml statement 1: Column 'amt' not found in any table
                      32 |   INSERT INTO copies SELECT `user`, amt FROM clicks
                         |                                     ^""",
                    ran("dml unknown column", "error while submitting the dml: statement 1 (line 32) of {file} dml"
                            + " failed: SQL validation failed. From line 1, column 35 to line 1, column 37: Column"
                            + " 'amt' not found in any table",
                            "       |                                   ^ line 32, column 35")),
            sql("ddl-unknown-type.yaml", """
                    {file}:24:12: ddl statement 2: Unknown identifier 'BIGNT'
                      24 |     amount BIGNT
                         |            ^""",
                    ran("ddl unknown type", "error while preparing topics and running the ddl: statement 2 (line 22) of"
                            + " {file} ddl failed: From line 3, column 10 to line 3, column 14: Unknown identifier"
                            + " 'BIGNT'",
                            "    24 |   amount BIGNT",
                            "       |          ^ line 24, column 10")),
            sql("dml-sink-schema-mismatch.yaml", """
                    {file}:32:3: dml statement 1: Column types of query result and sink for\
                     'default_catalog.default_database.copies' do not match.
                      Cause: Incompatible types for sink column 'amount' at position 1.
                      Query schema: [user: STRING, user0: STRING]
                      Sink schema:  [user: STRING, amount: BIGINT]""",
                    ran("dml sink schema mismatch", "error while submitting the dml: statement 1 (line 32) of {file}"
                            + " dml failed: Column types of query result and sink for"
                            + " 'default_catalog.default_database.copies' do not match.")),
            sql("connector-option-misspelt.yaml", """
                    {file}:18:5: ddl statement 1: Unable to create a source for reading table\
                     'default_catalog.default_database.clicks'.
                      caused by: Unsupported options found for 'kafka'.
                        Unsupported options: scan.startup.mod (did you mean 'scan.startup.mode'?)
                      found while planning dml statement 1 at line 32
                      18 |     'scan.startup.mod' = 'earliest-offset',
                         |     ^""",
                    ran("connector option misspelt", "error while submitting the dml: statement 1 (line 32) of {file}"
                            + " dml failed: Unable to create a source for reading table"
                            + " 'default_catalog.default_database.clicks'.",
                            "  root cause: org.apache.flink.table.api.ValidationException: Unsupported options found"
                                    + " for 'kafka'. Unsupported options: scan.startup.mod (did you mean"
                                    + " 'scan.startup.mode'?)")),
            sql("connector-unknown.yaml", """
                    {file}:15:5: ddl statement 1: Unable to create a source for reading table\
                     'default_catalog.default_database.clicks'.
                      caused by: Could not find any factory for identifier 'kafak' that implements\
                     'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.
                        Available factory identifiers are: blackhole, datagen, dynamic-kafka, kafka, legacy-csv, print,\
                     upsert-kafka (did you mean 'kafka'?)
                      found while planning dml statement 1 at line 32
                      15 |     'connector' = 'kafak',
                         |     ^""",
                    ran("connector unknown", "error while submitting the dml: statement 1 (line 32) of {file} dml"
                            + " failed: Unable to create a source for reading table"
                            + " 'default_catalog.default_database.clicks'.",
                            "  root cause: org.apache.flink.table.api.ValidationException: Could not find any factory"
                                    + " for identifier 'kafak' that implements"
                                    + " 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath."
                                    + " Available factory identifiers are: blackhole datagen dynamic-kafka kafka"
                                    + " legacy-csv print upsert-kafka")),
            sql("sink-exactly-once-without-prefix.yaml", """
                    {file}:22:3: ddl statement 2: Unable to create a sink for writing table\
                     'default_catalog.default_database.copies'.
                      caused by: sink.transactional-id-prefix must be specified when using\
                     DeliveryGuarantee.EXACTLY_ONCE.
                      found while planning dml statement 1 at line 33""",
                    ran("sink exactly once without prefix", "error while submitting the dml: statement 1 (line 33) of"
                            + " {file} dml failed: Unable to create a sink for writing table"
                            + " 'default_catalog.default_database.copies'.",
                            "  root cause: org.apache.flink.table.api.ValidationException:"
                                    + " sink.transactional-id-prefix must be specified when using"
                                    + " DeliveryGuarantee.EXACTLY_ONCE.")),
            sql("dml-starts-no-job.yaml", """
                    {file}:32:3: dml statement 1: the dml starts no Flink job — give an INSERT INTO or a STATEMENT SET\
                     that writes to a declared topic""",
                    ran("dml starts no job", "error while submitting the dml: statement 1 (line 32)"
                            + " of {file} dml: the dml is a query, whose rows go nowhere — write them to a declared"
                            + " topic: INSERT INTO <sink table> SELECT `user`, amount FROM clicks")),
            sql("validate-query-unknown-table.yaml", """
                    {file}:42:36: validation query 'ten copies': Object 'copy' not found
                      42 |     sql: SELECT COUNT(*) AS n FROM copy
                         |                                    ^""",
                    ran("validate query unknown table", "error while reading the output: {file}:42 validate[0]: the"
                            + " validation query failed: org.apache.flink.table.api.ValidationException: SQL validation"
                            + " failed. From line 1, column 27 to line 1, column 30: Object 'copy' not found — the"
                            + " tables it can read: [clicks, copies]")),

            // impossible generator rules
            notLoaded("generate-distinct-too-large.yaml", "{file}:14:13: generate.clicks.fields.user: field 'user' rule"
                    + " random: distinct(50) needs at least 50 generated records, but only 10 are generated"),
            notLoaded("generate-unknown-field.yaml", "{file}:14:12: generate.clicks.fields.usr: field 'usr' has a oneOf"
                    + " rule, but the schema has no such field (fields: user, amount, ts)"),
            notLoaded("generate-table-not-in-ddl.yaml", "{file}:9:13: generate.clicks.schema: no CREATE TABLE click in"
                    + " the case's ddl (its tables: clicks, copies)"),
            notLoaded("generate-late-without-watermark.yaml", "{file}:9:5: generate.clicks: lateRecords(2, PT30S): no"
                    + " watermark is declared, so nothing is late; declare it with watermark(Duration) or a WATERMARK"
                    + " clause"),
            notLoaded("generate-range-on-text.yaml", "{file}:14:13: generate.clicks.fields.user: field 'user' rule"
                    + " range: range applies to numbers, decimals, dates, times and timestamps, not STRING"),
            // harness-core lists the topics with generated input, and there are none
            notLoaded("dedup-input-not-generated.yaml", "{file}:37:21: expect[0].dedup.input: topic 'clicks' has no"
                    + " generated input — the check needs the labelled records of a generate: section, and the case"
                    + " has none: generate the topic's input"),

            // schema mismatches
            sql("key-fields-mismatch.yaml", """
                    {file}:21:5: ddl statement 1: Unable to create a source for reading table\
                     'default_catalog.default_database.clicks'.
                      caused by: Could not find the field 'usr' in the table schema for usage in the key format. A key\
                     field must be a regular, physical column. The following columns can be selected in the\
                     'key.fields' option: [user, amount]
                      found while planning dml statement 1 at line 34
                      21 |     'key.fields' = 'usr',
                         |     ^""",
                    ran("key fields mismatch", "error while submitting the dml: statement 1 (line 34) of {file} dml"
                            + " failed: Unable to create a source for reading table"
                            + " 'default_catalog.default_database.clicks'.",
                            "  root cause: org.apache.flink.table.api.ValidationException: Could not find the field"
                                    + " 'usr' in the table schema for usage in the key format.*")),
            notLoaded("generate-row-unknown-field.yaml", "{file}:9:5: generate.clicks: explicit row 1: no field 'usr'"
                    + " (fields: user, amount, ts)"),
            // not caught before the run: the offline check does not read explicit input against the table's format
            new BadInput("input-value-not-json.yaml", ExitCodes.PASSED, List.of(),
                    ran("input value not json", "error while waiting for the job: the job failed at run time: job *"
                            + " FAILED: java.io.IOException: Failed to deserialize consumer record due to",
                            "  caused by: java.io.IOException: Failed to deserialize JSON 'alice,3'.")),

            // a file with several cases: the broken one is reported, the other one runs
            notLoaded("several-cases-one-broken.yaml", "{file}:20:16: cases[1].expect[0].topic: topic 'copy' is not"
                    + " declared under topics — declared topics: clicks, copies"));

    /** The case of {@code several-cases-one-broken.yaml} that loads and passes. */
    static final String FINE_CASE_OF_SEVERAL = "several cases, the fine one";

    private BadInputCorpus() {
    }

    static Stream<BadInput> all() {
        return ALL.stream();
    }

    static BadInput named(String file) {
        return ALL.stream().filter(b -> b.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + file + " in the corpus"));
    }

    /** {@code {file}} and {@code {dir}} of an expected line, for the case file at {@code path}. */
    static String fill(String expected, Path path) {
        return expected.replace("{file}", path.toString())
                .replace("{dir}", path.toAbsolutePath().normalize().getParent().toString());
    }

    /** A file that does not load: validate and run print the same message. */
    private static BadInput notLoaded(String file, String message) {
        return new BadInput(file, ExitCodes.BAD_INPUT, List.of(message), Run.NOT_LOADED);
    }

    /** A file whose case loads and whose SQL the offline check rejects; the run reports the error. */
    private static BadInput sql(String file, String validateLines, Run run) {
        return new BadInput(file, ExitCodes.BAD_INPUT, validateLines.lines().toList(), run);
    }

    private static Run ran(String caseName, String... details) {
        return new Run(caseName, List.of(details));
    }
}
