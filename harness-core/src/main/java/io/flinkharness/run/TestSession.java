package io.flinkharness.run;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.internal.DdlSchemaReader;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.gateway.GatewaySession;
import io.flinkharness.gateway.SqlScript;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.gateway.StatementResult;
import io.flinkharness.gateway.SqlStatementException;
import io.flinkharness.kafka.OutputRecord;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.registry.AvroConfluentFormat;
import io.flinkharness.registry.SchemaRegistryClient;
import io.flinkharness.results.OutputDecoder;
import io.flinkharness.results.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import io.flinkharness.diagnosis.Diagnosis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import io.flinkharness.internal.Poll;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One test's isolated share of an environment: topics under names unique to it, its own SQL Gateway session, the
 * jobs its statements start, and the output of its tables read read_committed. Closing it cancels every job still
 * running and closes the gateway session; its topics are deleted unless {@link #keepTopics()} was called (a failed
 * test keeps them for inspection). Step by step where a {@link SqlCase} runs in one go:
 *
 * <pre>{@code
 * try (TestSession session = runner.openSession("clicks per window")) {
 *     session.createTopic("clicks", 2).send(clicks);
 *     session.createTopic("counts", 1);
 *     session.execute(Files.readString(Path.of("src/main/sql/tables.sql")));   // ${topic.clicks}, ...
 *     session.run("INSERT INTO counts SELECT ...");                              // waits until the job finished
 *     assertThat(session.table("counts")).containsExactlyRowsInAnyOrder(...);
 * }
 * }</pre>
 *
 * <p>Placeholders in every statement: {@code ${topic.NAME}} for each topic created here,
 * {@code ${bootstrap.servers}}, {@code ${case.id}} (unique, e.g. for {@code 'sink.transactional-id-prefix'}) and
 * {@code ${schema.registry.url}} (starts the environment's registry). Methods are safe to call from several threads,
 * but a session belongs to one test.
 */
public final class TestSession implements AutoCloseable {
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SET_OPTION = Pattern.compile("\\s*SET\\s+'([^']+)'\\s*=\\s*'([^']*)'\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final String AVRO_CONFLUENT = "avro-confluent";
    private static final Duration CHECKPOINT_STATS_LIMIT = Duration.ofSeconds(2);

    private final CaseRunner runner;
    private final String name;
    private final String id;
    private final Duration timeout;
    private final Map<String, SessionTopic> topics = new LinkedHashMap<>();
    private final Map<String, SqlStatement> tables = new LinkedHashMap<>();
    private final List<SqlJob> jobs = new ArrayList<>();
    private final Map<String, String> sessionOptions = new LinkedHashMap<>();
    private final List<VisibleOutput> awaitedOutputs = new ArrayList<>();
    private Optional<Instant> lastInput = Optional.empty();
    private GatewaySession gatewaySession;
    private Optional<SchemaRegistryClient> registry = Optional.empty();
    private boolean avroConfluentJarAdded;
    private boolean keepTopics;
    private boolean closed;

    TestSession(CaseRunner runner, String name, Duration timeout) {
        this.runner = runner;
        this.name = name;
        this.id = CaseIds.next(name);
        this.timeout = timeout;
        this.sessionOptions.putAll(runner.settings().sessionProperties(name));
    }

    /** The name the test gave the session. */
    public String name() {
        return name;
    }

    /** Unique per session, part of every topic name: {@code clicks-per-window-3f2a9c}. */
    public String id() {
        return id;
    }

    /** The limit of every wait: statements, jobs finishing, reads. */
    public Duration timeout() {
        return timeout;
    }

    // ---- topics

    /**
     * Creates a topic owned by this session, named {@code LOGICAL-ID} in Kafka; SQL names it {@code ${topic.LOGICAL}}.
     *
     * @throws IllegalArgumentException for a name Kafka cannot take, partitions below 1, or a name used twice
     */
    public SessionTopic createTopic(String logicalName, int partitions) {
        return createTopics(Map.of(logicalName, partitions)).get(0);
    }

    /** Creates several topics in one request (faster than one by one), in the map's order. */
    public List<SessionTopic> createTopics(Map<String, Integer> partitionsByName) {
        List<SessionTopic> created = declare(partitionsByName);
        create(created);
        return created;
    }

    /**
     * Names the topics at once, so SQL can use {@code ${topic.NAME}} while Kafka creates them in the background:
     * DDL does not need a topic to exist, jobs and {@link SessionTopic#send} do, so join the future before those.
     */
    public CompletableFuture<List<SessionTopic>> createTopicsAsync(Map<String, Integer> partitionsByName) {
        List<SessionTopic> declared = declare(partitionsByName);
        return CompletableFuture.supplyAsync(() -> {
            create(declared);
            return declared;
        }, runner.executor());
    }

    private synchronized List<SessionTopic> declare(Map<String, Integer> partitionsByName) {
        checkOpen();
        List<SessionTopic> declared = new ArrayList<>();
        partitionsByName.forEach((logicalName, partitions) -> {
            if (logicalName == null || !TOPIC_NAME.matcher(logicalName).matches()) {
                throw new IllegalArgumentException("topic name '" + logicalName + "' is not a valid Kafka topic name:"
                        + " use letters, digits, '.', '_' and '-'");
            }
            if (partitions == null || partitions < 1) {
                throw new IllegalArgumentException("topic '" + logicalName + "' needs partitions >= 1 but was "
                        + partitions);
            }
            if (topics.containsKey(logicalName)) {
                throw new IllegalArgumentException("topic '" + logicalName + "' is already created in this session"
                        + " (" + topics.get(logicalName) + ")");
            }
        });
        partitionsByName.forEach((logicalName, partitions) -> {
            SessionTopic topic = new SessionTopic(this, logicalName,
                    runner.environment().topicPrefix() + logicalName + "-" + id, partitions);
            topics.put(logicalName, topic);
            declared.add(topic);
        });
        return declared;
    }

    private void create(List<SessionTopic> declared) {
        Map<String, Integer> physical = new LinkedHashMap<>();
        declared.forEach(t -> physical.put(t.name(), t.partitions()));
        runner.topics().create(physical);
    }

    /**
     * A topic created earlier in this session.
     *
     * @throws IllegalArgumentException if there is none of that name
     */
    public synchronized SessionTopic topic(String logicalName) {
        SessionTopic topic = topics.get(logicalName);
        if (topic == null) {
            throw new IllegalArgumentException("no topic '" + logicalName + "' in this session; its topics: "
                    + topics.keySet() + " — create it first with createTopic(\"" + logicalName + "\", partitions)");
        }
        return topic;
    }

    public synchronized List<SessionTopic> topics() {
        return List.copyOf(topics.values());
    }

    void send(SessionTopic topic, List<TestRecord> records) {
        runner.producer().send(topic.name(), records);
        Instant sent = Instant.now();
        synchronized (this) {
            lastInput = Optional.of(sent);
        }
    }

    /** When the session last sent records (Kafka acknowledged them). */
    synchronized Optional<Instant> lastInput() {
        return lastInput;
    }

    List<TestRecord> encode(GeneratedData data) {
        if (SchemaRegistryNeeds.writesAvroConfluent(data)) {
            registry();
        }
        return GeneratedInputEncoding.encode(data, placeholderValues(), currentRegistry());
    }

    List<OutputRecord> read(String physicalTopic) {
        return runner.reader().readToEnd(physicalTopic, timeout);
    }

    // ---- SQL

    /** The values of the placeholders, as statements run now see them. */
    public synchronized Map<String, String> placeholderValues() {
        Map<String, String> values = new LinkedHashMap<>(Placeholders.ofEnvironment(runner.environment()));
        values.put("case.id", id);
        registry.ifPresent(r -> values.put("schema.registry.url", r.url().toString()));
        topics.values().forEach(t -> values.put("topic." + t.logicalName(), t.name()));
        return values;
    }

    /**
     * Runs every statement of the script in this session's gateway session, in order: DDL, {@code SET},
     * {@code INSERT INTO} (which starts a job and returns), queries. Jobs it starts are followed by {@link #jobs()}.
     *
     * @throws IllegalArgumentException for an unknown placeholder, naming the statement
     * @throws io.flinkharness.gateway.SqlStatementException when Flink rejects a statement
     */
    public List<StatementResult> execute(String sql) {
        return execute(sql, "sql");
    }

    /** As {@link #execute(String)}; {@code source} names the script in messages, e.g. a file name. */
    public List<StatementResult> execute(String sql, String source) {
        return executeStatements(SqlScript.split(sql, source));
    }

    /** Runs the statements of a SQL file (UTF-8); messages name the file. */
    public List<StatementResult> executeFile(Path file) {
        try {
            return execute(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the statements of a classpath resource (UTF-8), e.g. {@code "sql/tables.sql"}.
     *
     * @throws IllegalArgumentException if there is no such resource
     */
    public List<StatementResult> executeResource(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(TestSession.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource '" + path + "' — put the script under"
                        + " src/test/resources/" + path + " (or give a file path)");
            }
            return execute(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts the job of {@code dml} (an {@code INSERT INTO} or a {@code STATEMENT SET}) and returns at once; the job
     * keeps running until it ends or the session closes.
     *
     * @throws IllegalArgumentException if the statements start no job, or more than one
     */
    public SqlJob start(String dml) {
        return start(SqlScript.split(dml, "dml"));
    }

    /** As {@link #start(String)}, for statements that know their script and line. */
    SqlJob start(List<SqlStatement> statements) {
        for (SqlStatement statement : statements) {
            if (statement.isQuery()) {
                throw new IllegalArgumentException(statement.location() + ": the dml is a query, whose rows go"
                        + " nowhere — write them to a table: INSERT INTO <sink table> " + statement.head());
            }
        }
        checkTopicsExist();
        int before = jobs().size();
        executeStatements(statements);
        List<SqlJob> started = jobs().subList(before, jobs().size());
        if (started.size() != 1) {
            throw new IllegalArgumentException("the dml started " + (started.isEmpty() ? "no Flink job" : started.size()
                    + " jobs " + started) + " — give one INSERT INTO, or one EXECUTE STATEMENT SET for several"
                    + " sinks" + (started.isEmpty() ? "; DDL goes to execute()" : ""));
        }
        return started.get(0);
    }

    /**
     * Runs {@code dml} in bounded mode: starts its job and waits until it FINISHED (every source read to its
     * bounded end, every window flushed, the sinks' transactions committed), so the output is complete.
     */
    public SqlJob run(String dml) {
        return start(dml).awaitFinished(timeout);
    }

    List<StatementResult> executeStatements(List<SqlStatement> statements) {
        List<StatementResult> results = new ArrayList<>();
        for (SqlStatement statement : statements) {
            if (statement.text().contains(SchemaRegistryNeeds.URL_PLACEHOLDER)) {
                registry();
            }
            SqlStatement resolved = new Placeholders(placeholderValues()).apply(statement);
            GatewaySession session = gatewaySession(resolved);
            StatementResult result;
            try {
                result = session.execute(resolved, timeout);
            } catch (SqlStatementException e) {
                throw e.redacted(runner::redactSecrets);
            }
            synchronized (this) {
                tableName(resolved).ifPresent(table -> tables.put(table, resolved));
                result.jobId().ifPresent(job -> jobs.add(new SqlJob(job, resolved, runner.flink(), timeout, this)));
                Matcher set = SET_OPTION.matcher(resolved.text());
                if (set.matches()) {
                    sessionOptions.put(set.group(1), set.group(2));
                }
            }
            results.add(result);
        }
        return results;
    }

    /** The gateway session, opened on first use with the runner's settings and jars. */
    private synchronized GatewaySession gatewaySession(SqlStatement next) {
        checkOpen();
        if (gatewaySession == null) {
            gatewaySession = runner.gateway().openSession("flink-sql-harness " + id,
                    runner.settings().sessionProperties(name));
            List<Path> jars = runner.settings().sessionJars();
            for (int i = 0; i < jars.size(); i++) {
                addJar(jars.get(i), "session jars (RunnerSettings)", i + 1);
                avroConfluentJarAdded |= jars.get(i).getFileName().equals(AvroConfluentFormat.jar().getFileName());
            }
        }
        if (!avroConfluentJarAdded && next.text().contains(AVRO_CONFLUENT)) {
            addJar(AvroConfluentFormat.jar(), "the avro-confluent format", 1);
            avroConfluentJarAdded = true;
        }
        return gatewaySession;
    }

    private void addJar(Path jar, String source, int index) {
        gatewaySession.execute(new SqlStatement("ADD JAR '" + jar.toString().replace("'", "''") + "'", source, index,
                1), timeout);
    }

    private synchronized SchemaRegistryClient registry() {
        if (registry.isEmpty()) {
            registry = Optional.of(runner.environment().schemaRegistry());
        }
        return registry.get();
    }

    synchronized Optional<SchemaRegistryClient> currentRegistry() {
        return registry;
    }

    /** Tables whose topic does not exist would make a bounded source end at once: say so before the job starts. */
    private void checkTopicsExist() {
        Map<String, SqlStatement> named;
        synchronized (this) {
            named = TopicReferences.in(List.copyOf(tables.values()));
            topics.values().forEach(t -> named.remove(t.name()));
        }
        if (named.isEmpty()) {
            return;
        }
        named.keySet().removeAll(runner.topics().existing(named.keySet()));
        for (Map.Entry<String, SqlStatement> missing : named.entrySet()) {
            throw new IllegalArgumentException(missing.getValue().location() + ": table option 'topic' = '"
                    + missing.getKey() + "' names a topic that does not exist — create it in the session"
                    + " (createTopic or @KafkaTopic) and write '${topic.NAME}'; this session's topics: "
                    + topics().stream().map(SessionTopic::logicalName).toList());
        }
    }

    private static Optional<String> tableName(SqlStatement statement) {
        return statement.createdTable().map(TestSession::key);
    }

    private static String key(String tableName) {
        return tableName.toLowerCase(Locale.ROOT);
    }

    // ---- results

    /**
     * Everything committed to the table's topic so far, read read_committed and decoded in the table's formats and
     * types, as the table's connector means it: {@code upsert-kafka} as the latest row per key, others append.
     * After {@link #run} this is the job's whole output.
     *
     * @param tableName a table created by a {@code CREATE TABLE} this session ran
     */
    public ResultTable table(String tableName) {
        return table(tableName, Optional.empty());
    }

    /** As {@link #table(String)}, materialized as {@code kind} (e.g. the raw changelog). */
    public ResultTable table(String tableName, ResultTable.Kind kind) {
        return table(tableName, Optional.of(kind));
    }

    /**
     * The schema of a table this session created, to generate data for it:
     * {@code DataGenerator.forSchema(session.schemaOf("clicks"))}. Its options hold the physical topic names.
     *
     * @throws IllegalArgumentException if no {@code CREATE TABLE} of that name ran in this session
     */
    public RecordSchema schemaOf(String tableName) {
        return DdlSchemaReader.read(createTable(tableName), Optional.empty());
    }

    private synchronized SqlStatement createTable(String tableName) {
        SqlStatement ddl = tables.get(key(tableName.replace("`", "")));
        if (ddl == null) {
            throw new IllegalArgumentException("no CREATE TABLE " + tableName + " ran in this session; its tables: "
                    + tables.keySet() + " — run the DDL first (execute, or @SqlScript)");
        }
        return ddl;
    }

    private ResultTable table(String tableName, Optional<ResultTable.Kind> kind) {
        return readTable(tableName, kind, true);
    }

    /** The CREATE TABLE statements run so far, placeholders replaced (so their options name the Kafka topics). */
    synchronized List<SqlStatement> createdTables() {
        return List.copyOf(tables.values());
    }

    /** What a topic holds committed now, without waiting for open transactions: for running jobs. */
    List<OutputRecord> readCommitted(String physicalTopic) {
        return runner.reader().readCommitted(physicalTopic, timeout);
    }

    /** What the table's topic holds committed now, without waiting for open transactions: for running jobs. */
    ResultTable committed(String tableName) {
        return readTable(tableName, Optional.empty(), false);
    }

    private ResultTable readTable(String tableName, Optional<ResultTable.Kind> kind, boolean toStableEnd) {
        SqlStatement ddl = createTable(tableName);
        RecordSchema schema = DdlSchemaReader.read(ddl, Optional.empty());
        String topic = topicOf(tableName, ddl, schema);
        OutputDecoder decoder = OutputCheck.decoder(schema, currentRegistry());
        List<OutputRecord> records = toStableEnd ? read(topic) : runner.reader().readCommitted(topic, timeout);
        ResultTable table = kind.isPresent() ? decoder.decode(records, kind.get()) : decoder.decode(records);
        return table.withOrigin("topic " + topic + ", read_committed");
    }

    private static String topicOf(String tableName, SqlStatement ddl, RecordSchema schema) {
        String topic = schema.tableOptions().get("topic");
        if (topic == null || topic.contains(";")) {
            throw new IllegalArgumentException(ddl.location() + ": table " + tableName + " has no single 'topic'"
                    + " option, so there is no one topic to read");
        }
        return topic;
    }

    // ---- unbounded runs

    /**
     * Drives event time of a source table by heartbeat records to its partitions, see {@link EventTime}.
     *
     * @throws IllegalArgumentException if no {@code CREATE TABLE} of that name ran here, the table declares no
     *     watermark, or its topic is not one of this session's
     */
    public EventTime eventTime(String tableName) {
        SqlStatement ddl = createTable(tableName);
        RecordSchema schema = DdlSchemaReader.read(ddl, Optional.empty());
        if (schema.watermark().isEmpty()) {
            throw new IllegalArgumentException(ddl.location() + ": table " + tableName + " declares no watermark, so"
                    + " it has no event time to drive — add WATERMARK FOR <column> AS <column> - INTERVAL ...");
        }
        String topic = topicOf(tableName, ddl, schema);
        SessionTopic owned = topics().stream().filter(t -> t.name().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ddl.location() + ": table " + tableName + " reads topic '"
                        + topic + "', which this session did not create — write 'topic' = '${topic.NAME}'"));
        return new EventTime(this, tableName, schema, owned, Map.of());
    }

    /**
     * Waits on the committed output of a table while its job keeps running, see {@link OutputAwait}; the limit is
     * the session's timeout unless {@link OutputAwait#atMost} says otherwise.
     *
     * @throws IllegalArgumentException if no {@code CREATE TABLE} of that name ran in this session
     */
    public OutputAwait awaitTable(String tableName) {
        createTable(tableName);
        return new OutputAwait(this, tableName, timeout, OptionalInt.empty());
    }

    /**
     * Why output is missing, now: named stall patterns with their fixes and the facts behind them (jobs,
     * checkpoints, watermarks, input per partition, open transactions). Waits that time out attach it to their
     * error; call it yourself to look at a running job.
     */
    public Diagnosis diagnose() {
        return diagnose(Optional.empty());
    }

    Diagnosis diagnose(Optional<Instant> awaitedWatermark) {
        List<SqlJob> ownJobs;
        Map<String, SqlStatement> ownTables;
        Map<String, String> options;
        synchronized (this) {
            ownJobs = List.copyOf(jobs);
            ownTables = new LinkedHashMap<>(tables);
            options = new LinkedHashMap<>(sessionOptions);
        }
        return new SessionInspector(runner.flink(), runner.reader(), timeout)
                .diagnose(ownJobs, ownTables, options, awaitedWatermark);
    }

    /** The outputs awaited so far, with how long after the last input each became visible. */
    public synchronized List<VisibleOutput> awaitedOutputs() {
        return List.copyOf(awaitedOutputs);
    }

    synchronized void recordLatency(String tableName, VisibleOutput output) {
        awaitedOutputs.add(output);
    }

    /**
     * The job that writes the table: the latest whose statement inserts into it.
     *
     * @throws IllegalStateException if no job of this session does
     */
    synchronized SqlJob jobWriting(String tableName) {
        String key = key(tableName.replace("`", ""));
        for (int i = jobs.size() - 1; i >= 0; i--) {
            if (SessionInspector.insertedTables(jobs.get(i).statement()).contains(key)) {
                return jobs.get(i);
            }
        }
        throw new IllegalStateException("no job of this session writes table " + tableName + "; its jobs: " + jobs
                + " — start one with session.start(\"INSERT INTO " + tableName + " ...\")");
    }

    /**
     * Checkpoints the job writing the table completed after {@code after} and by {@code until}, from its
     * checkpoint history. Output that became visible in that time was committed by one of them, so the wait (a
     * second or two at most) is for the REST API's cached statistics to show it.
     */
    Optional<Long> checkpointsBetween(String tableName, Instant after, Instant until) {
        try {
            return checkpointsBetween(jobWriting(tableName), after, until);
        } catch (IllegalStateException noJob) {
            return Optional.empty();
        }
    }

    /** As {@link #checkpointsBetween(String, Instant, Instant)}, for a given job. */
    Optional<Long> checkpointsBetween(SqlJob job, Instant after, Instant until) {
        AtomicReference<Optional<Long>> last = new AtomicReference<>(Optional.empty());
        try {
            return Poll.until("a checkpoint of " + job + " completed between " + after + " and " + until,
                    CHECKPOINT_STATS_LIMIT, () -> {
                        Optional<Long> count = runner.flink().checkpoints(job.id()).completedBetween(after, until);
                        last.set(count);
                        return count.filter(n -> n > 0).map(Optional::of);
                    }, () -> String.valueOf(last.get()));
        } catch (RuntimeException e) {
            return last.get();
        }
    }

    /** Fails a wait at once when the job writing the table has ended: its output will not change any more. */
    void failFastIfEnded(String tableName, String awaited) {
        SqlJob job;
        try {
            job = jobWriting(tableName);
        } catch (IllegalStateException noJob) {
            return;
        }
        JobStatus status = job.status();
        if (status.isTerminal()) {
            throw new io.flinkharness.flink.JobFailedException(job.id(), status, status == JobStatus.FAILED
                    ? runner.flink().failureCause(job.id())
                    : "the job " + (status == JobStatus.FINISHED ? "finished" : "was cancelled") + " before " + awaited);
        }
    }

    // ---- jobs and life cycle

    /** The jobs this session's statements started, in order. */
    public synchronized List<SqlJob> jobs() {
        return List.copyOf(jobs);
    }

    /** Keep the topics when the session closes, e.g. to look at them after a failure. */
    public synchronized void keepTopics() {
        keepTopics = true;
    }

    /**
     * What a failure report needs: the topics (logical and Kafka names, records sent, seeds), the jobs with their
     * state (and root exception, if one failed), and where to look further.
     */
    public String describe() {
        List<SessionTopic> ownTopics;
        List<SqlJob> ownJobs;
        synchronized (this) {
            ownTopics = List.copyOf(topics.values());
            ownJobs = List.copyOf(jobs);
        }
        StringBuilder out = new StringBuilder("test session '" + name + "' (id " + id + ")");
        for (SessionTopic t : ownTopics) {
            out.append("\n  topic ").append(t.logicalName()).append(": ").append(t.name()).append(", ")
                    .append(t.partitions()).append(t.partitions() == 1 ? " partition" : " partitions");
            if (t.recordsSent() > 0) {
                out.append(", ").append(t.recordsSent()).append(" records sent");
            }
            t.seed().ifPresent(seed -> out.append(", generated with seed ").append(seed));
        }
        if (ownJobs.isEmpty()) {
            out.append("\n  no job started");
        }
        for (SqlJob job : ownJobs) {
            out.append("\n  job ").append(job.id()).append(" ").append(jobState(job)).append(": ")
                    .append(job.statement().head());
        }
        out.append("\n  logs: ").append(runner.environment().logLocation());
        if (!ownJobs.isEmpty()) {
            out.append("; job exceptions: ").append(runner.environment().flinkRestUri().resolve("/jobs/"
                    + ownJobs.get(ownJobs.size() - 1).id() + "/exceptions"));
        }
        return out.toString();
    }

    private String jobState(SqlJob job) {
        try {
            JobStatus status = job.status();
            if (status == JobStatus.FAILED) {
                return status + " (" + runner.flink().failureCause(job.id()) + ")";
            }
            return status.toString();
        } catch (RuntimeException e) {
            return "(state unknown: " + e.getMessage() + ")";
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("test session '" + name + "' is closed");
        }
    }

    /** Cancels the jobs still running, closes the gateway session, deletes the topics unless kept. */
    @Override
    public void close() {
        List<SqlJob> ownJobs;
        List<String> ownTopics;
        GatewaySession session;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ownJobs = List.copyOf(jobs);
            ownTopics = keepTopics ? List.of() : topics.values().stream().map(SessionTopic::name).toList();
            session = gatewaySession;
        }
        runner.cancelUnlessEnded(ownJobs.stream().map(SqlJob::id).toList());
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // a session the gateway has already dropped
            }
        }
        if (!ownTopics.isEmpty()) {
            runner.topics().deleteInBackground(ownTopics);
        }
    }

    @Override
    public String toString() {
        return "TestSession[" + id + ", topics " + new TreeMap<>(topics.values().stream().collect(Collectors.toMap(
                SessionTopic::logicalName, SessionTopic::name))) + "]";
    }
}
