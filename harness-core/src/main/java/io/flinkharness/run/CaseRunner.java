package io.flinkharness.run;

import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.flink.FlinkRestClient;
import io.flinkharness.flink.JobFailedException;
import io.flinkharness.gateway.GatewaySession;
import io.flinkharness.gateway.SqlGatewayClient;
import io.flinkharness.gateway.SqlScript;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.gateway.StatementResult;
import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.kafka.KafkaTopics;
import io.flinkharness.kafka.ReadCommittedReader;
import io.flinkharness.kafka.TestRecordProducer;
import io.flinkharness.registry.AvroConfluentFormat;
import io.flinkharness.registry.SchemaRegistryClient;
import io.flinkharness.rows.RowsMismatchError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs {@link SqlCase}s in bounded mode on an environment: creates the case's topics under unique names, writes
 * the input, runs the DDL and DML through the SQL Gateway, waits for the jobs to finish (the sources stop at the
 * offsets present at start, the final watermark closes every window, the final checkpoint commits the Kafka
 * transactions), reads the output topics read_committed and compares rows. A case whose {@link RunPlan} is
 * unbounded runs step by step on a running job instead, see {@link #run(SqlCase)}.
 *
 * <pre>{@code
 * try (CaseRunner runner = CaseRunner.on(env)) {
 *     runner.run(sqlCase).assertPassed();
 * }
 * }</pre>
 *
 * <p>Thread-safe: cases may run on several threads at once, each in its own topics and gateway session.
 */
public final class CaseRunner implements AutoCloseable {
    private final FlinkKafkaEnvironment env;
    private final RunnerSettings settings;
    private final SqlGatewayClient gateway;
    private final FlinkRestClient flink;
    private final KafkaTopics topics;
    private final TestRecordProducer producer;
    private final ReadCommittedReader reader;
    private final ExecutorService kafkaExecutor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "flink-harness-case-kafka");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closed;

    private CaseRunner(FlinkKafkaEnvironment env, RunnerSettings settings) {
        checkSessionJars(settings);
        this.env = env;
        this.settings = settings;
        this.gateway = SqlGatewayClient.connect(env.sqlGatewayUri());
        this.flink = new FlinkRestClient(env.flinkRestUri());
        this.topics = KafkaTopics.connect(env.kafkaConnection());
        this.producer = TestRecordProducer.connect(env.kafkaConnection());
        this.reader = ReadCommittedReader.connect(env.kafkaConnection());
    }

    public static CaseRunner on(FlinkKafkaEnvironment env) {
        return on(env, RunnerSettings.defaults());
    }

    /**
     * A runner with these settings.
     *
     * @throws IllegalArgumentException if a session jar of the settings is not a file
     */
    public static CaseRunner on(FlinkKafkaEnvironment env, RunnerSettings settings) {
        return new CaseRunner(env, settings);
    }

    private static void checkSessionJars(RunnerSettings settings) {
        for (Path jar : settings.sessionJars()) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("session jar " + jar + " does not exist — give"
                        + " RunnerSettings.withSessionJar the path of a jar file (for the avro-confluent format,"
                        + " AvroConfluentFormat.jar() finds flink-sql-avro-confluent-registry)");
            }
        }
    }

    /** Adds the settings' jars to the session, so its statements and jobs can use what they hold. */
    private void addSessionJars(CaseRun run) {
        List<Path> jars = new ArrayList<>(settings.sessionJars());
        if (SchemaRegistryNeeds.avroConfluent(run.sqlCase)) {
            Path format = AvroConfluentFormat.jar();
            if (jars.stream().noneMatch(j -> j.getFileName().equals(format.getFileName()))) {
                jars.add(format);
            }
        }
        for (int i = 0; i < jars.size(); i++) {
            String path = jars.get(i).toString().replace("'", "''");
            run.session.execute(new SqlStatement("ADD JAR '" + path + "'", "session jars (RunnerSettings)", i + 1, 1),
                    run.sqlCase.timeout());
        }
    }

    /**
     * Opens a session for one test, with this runner's settings and {@link SqlCase#DEFAULT_TIMEOUT} as the limit
     * of its waits. Close it at the end of the test.
     */
    public TestSession openSession(String name) {
        return openSession(name, SqlCase.DEFAULT_TIMEOUT);
    }

    /** Opens a session for one test whose waits (statements, jobs, reads) last at most {@code timeout}. */
    public TestSession openSession(String name, Duration timeout) {
        java.util.Objects.requireNonNull(name, "name cannot be null");
        java.util.Objects.requireNonNull(timeout, "timeout cannot be null");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the runner is closed");
            }
        }
        return new TestSession(this, name, timeout);
    }

    java.util.concurrent.Executor executor() {
        return kafkaExecutor;
    }

    FlinkKafkaEnvironment environment() {
        return env;
    }

    RunnerSettings settings() {
        return settings;
    }

    SqlGatewayClient gateway() {
        return gateway;
    }

    FlinkRestClient flink() {
        return flink;
    }

    KafkaTopics topics() {
        return topics;
    }

    TestRecordProducer producer() {
        return producer;
    }

    ReadCommittedReader reader() {
        return reader;
    }

    /** Runs a statement; an error's message masks the secrets a placeholder put into the statement. */
    private StatementResult executeRedacted(CaseRun run, SqlStatement resolved) {
        try {
            return run.session.execute(resolved, run.sqlCase.timeout());
        } catch (io.flinkharness.gateway.SqlStatementException e) {
            throw e.redacted(this::redactSecrets);
        }
    }

    /** The text with the values of the environment's secret Kafka settings masked. */
    String redactSecrets(String text) {
        return io.flinkharness.internal.Secrets.redact(io.flinkharness.internal.Secrets.redact(text,
                env.jobKafkaProperties()), env.kafkaConnection().properties());
    }

    /** Cancels the jobs that have not ended; a cluster that is gone has nothing left to stop. */
    void cancelUnlessEnded(List<String> jobIds) {
        for (String jobId : jobIds) {
            try {
                if (!flink.status(jobId).isTerminal()) {
                    flink.cancel(jobId);
                }
            } catch (RuntimeException ignored) {
                // the cluster may be gone; nothing more to stop
            }
        }
    }

    /**
     * Runs the case to the end; never throws for a failing case, see {@link CaseResult}. An unbounded case
     * ({@link RunPlan}) runs in a {@link TestSession}: its job starts, its steps run in order, its expectations are
     * checked against the output committed then, and the job is cancelled.
     */
    public CaseResult run(SqlCase sqlCase) {
        if (sqlCase.run().unbounded()) {
            return new UnboundedCaseRun(this, sqlCase).run();
        }
        CaseRun run = new CaseRun(sqlCase, CaseIds.next(sqlCase.name()), env.topicPrefix());
        try {
            execute(run);
            return run.result(CaseResult.Status.PASSED, "", null);
        } catch (RowsMismatchError e) {
            return run.result(CaseResult.Status.FAILED, e.getMessage(), e);
        } catch (RuntimeException e) {
            return run.result(CaseResult.Status.ERROR, explain(run, e), e);
        } finally {
            cleanUp(run);
        }
    }

    private void execute(CaseRun run) {
        SqlCase c = run.sqlCase;
        // Kafka side (topics, input) and Flink side (session, DDL) do not depend on each other: overlap them
        run.registry = SchemaRegistryNeeds.of(c) ? Optional.of(env.schemaRegistry()) : Optional.empty();
        CompletableFuture<Duration> kafkaSide = CompletableFuture.supplyAsync(() -> prepareKafka(run), kafkaExecutor);
        Placeholders placeholders = new Placeholders(run.placeholderValues(env));
        List<SqlStatement> ddl = SqlScript.split(c.ddl(), c.ddlSource(), c.ddlLine());
        List<SqlStatement> dml = SqlScript.split(c.dml(), c.dmlSource(), c.dmlLine());
        List<SqlStatement> resolvedDdl = new ArrayList<>();
        try {
            run.session = gateway.openSession("flink-sql-harness " + run.id, settings.sessionProperties(c.name()));
            addSessionJars(run);
            for (SqlStatement statement : ddl) {
                SqlStatement resolved = placeholders.apply(statement);
                executeRedacted(run, resolved);
                resolvedDdl.add(resolved);
            }
        } finally {
            run.produce = join(kafkaSide);
        }
        checkTopicsExist(run, resolvedDdl);
        run.lap("ddl");
        for (SqlStatement statement : dml) {
            if (statement.isQuery()) {
                // the gateway would run it as a job that collects rows, which writes no topic
                throw new IllegalArgumentException(statement.location() + ": the dml is a query, whose rows go"
                        + " nowhere — write them to a declared topic: INSERT INTO <sink table> " + statement.head());
            }
            StatementResult result = executeRedacted(run, placeholders.apply(statement));
            result.jobId().ifPresent(run.jobIds::add);
        }
        if (run.jobIds.isEmpty()) {
            throw new IllegalArgumentException(c.source() + ": the dml started no Flink job — give an INSERT INTO"
                    + " or a STATEMENT SET that writes to a declared topic");
        }
        run.lap("submit");
        for (String jobId : run.jobIds) {
            flink.awaitFinished(jobId, run.remaining());
        }
        run.lap("job");
        OutputCheck outputs = new OutputCheck(resolvedDdl, run.registry);
        try {
            for (Expectation expectation : c.expectations()) {
                String topic = run.physicalTopics.get(expectation.topic());
                outputs.check(expectation, topic, reader.readToEnd(topic, run.remaining()), c);
            }
        } finally {
            run.tables = outputs.tables();
        }
        List<String> mismatches = new ArrayList<>(outputs.mismatches());
        if (!c.validations().isEmpty()) {
            Map<String, io.flinkharness.results.ResultTable> tables = outputs.tablesByName(
                    run.physicalTopics.values(), topic -> reader.readToEnd(topic, run.remaining()));
            ValidationQueries queries = new ValidationQueries(env);
            for (ValidationQuery query : c.validations()) {
                queries.check(query, tables).ifPresent(mismatches::add);
            }
        }
        run.lap("read");
        if (!mismatches.isEmpty()) {
            throw new RowsMismatchError(String.join("\n\n", mismatches));
        }
    }

    /**
     * A table whose topic does not exist would make a bounded source end at once with no rows, and a sink wait
     * a minute for metadata: say so before the job starts.
     */
    private void checkTopicsExist(CaseRun run, List<SqlStatement> ddl) {
        Map<String, SqlStatement> named = TopicReferences.in(ddl);
        named.keySet().removeAll(run.physicalTopics.values());
        if (named.isEmpty()) {
            return;
        }
        named.keySet().removeAll(topics.existing(named.keySet()));
        for (Map.Entry<String, SqlStatement> missing : named.entrySet()) {
            String topic = missing.getKey();
            throw new IllegalArgumentException(missing.getValue().location() + ": table option 'topic' = '" + topic
                    + "' names a topic that does not exist on " + env.kafkaBootstrapServers() + " — declare it"
                    + " in the case's topics and write '${topic." + topic + "}' (declared topics: "
                    + run.sqlCase.topics().keySet() + ")");
        }
    }

    /** Creates the case's topics and writes its input; returns how long that took. */
    private Duration prepareKafka(CaseRun run) {
        long start = System.nanoTime();
        Map<String, Integer> physical = new LinkedHashMap<>();
        run.sqlCase.topics().forEach((logical, partitions) -> physical.put(run.physicalTopics.get(logical), partitions));
        topics.create(physical);
        run.sqlCase.generated().forEach((logical, data) -> producer.send(run.physicalTopics.get(logical),
                GeneratedInputEncoding.encode(data, run.placeholderValues(env), run.registry)));
        run.sqlCase.inputs().forEach((logical, records) -> producer.send(run.physicalTopics.get(logical), records));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Duration join(CompletableFuture<Duration> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private String explain(CaseRun run, RuntimeException e) {
        if (e instanceof ConditionTimeoutException && run.phase == Phase.JOB) {
            return e.getMessage() + " — in bounded mode every source table needs 'scan.bounded.mode' ="
                    + " 'latest-offset' (and 'scan.startup.mode' = 'earliest-offset') so that its job can finish";
        }
        return explainError(e);
    }

    /** The message of an error of a case's SQL or job, with the likely fix where one is known. */
    static String explainError(RuntimeException e) {
        if (e instanceof JobFailedException) {
            return "the job failed at run time: " + e.getMessage();
        }
        java.util.Optional<String> closest = misspeltFactory(String.valueOf(e.getMessage()));
        if (closest.isPresent()) {
            return e.getMessage() + "\n  — did you mean '" + closest.get() + "'?";
        }
        if (String.valueOf(e.getMessage()).contains("Could not find any factory for identifier '")) {
            return e.getMessage() + "\n  — a format or connector that is not on the harness's classpath can be added"
                    + " to every session with RunnerSettings.withSessionJar (for 'avro-confluent':"
                    + " AvroConfluentFormat.jar())";
        }
        return e.getMessage();
    }

    private static final java.util.regex.Pattern MISSING_FACTORY = java.util.regex.Pattern.compile(
            "(?s)Could not find any factory for identifier '([^']+)'.*?Available factory identifiers are:\\s*(.*)");

    /** For "no factory for 'kafak'", the available identifier it is a misspelling of, if any. */
    private static java.util.Optional<String> misspeltFactory(String message) {
        java.util.regex.Matcher m = MISSING_FACTORY.matcher(message);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        List<String> available = java.util.Arrays.stream(m.group(2).split("\\s+"))
                .map(String::strip).filter(id -> id.matches("[A-Za-z0-9_.-]+")).toList();
        return io.flinkharness.internal.Suggestions.closest(m.group(1), available);
    }

    private void cleanUp(CaseRun run) {
        cancelUnlessEnded(run.jobIds);
        if (run.session != null) {
            try {
                run.session.close();
            } catch (RuntimeException ignored) {
                // a session the gateway has already dropped
            }
        }
        if (run.passed) {
            // a failed case keeps its topics for inspection; leftovers only cost the broker some disk
            topics.deleteInBackground(run.physicalTopics.values());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        kafkaExecutor.shutdownNow();
        try (topics; producer; reader) {
            // closes the Kafka clients in reverse order
        }
    }

    /** What a run is doing, for messages about where it stopped. */
    private enum Phase {
        PREPARE("preparing topics and running the ddl"),
        SUBMIT("submitting the dml"),
        JOB("waiting for the job"),
        READ("reading the output"),
        DONE("finishing");

        final String description;

        Phase(String description) {
            this.description = description;
        }
    }

    /** The mutable state of one run of a case. */
    private static final class CaseRun {
        final SqlCase sqlCase;
        final String id;
        final Map<String, String> physicalTopics = new LinkedHashMap<>();
        final List<String> jobIds = new ArrayList<>();
        final Map<String, Duration> laps = new LinkedHashMap<>();
        final long start = System.nanoTime();
        long lapStart = start;
        Phase phase = Phase.PREPARE;
        Duration produce = Duration.ZERO;
        GatewaySession session;
        Optional<SchemaRegistryClient> registry = Optional.empty();
        Map<String, io.flinkharness.results.ResultTable> tables = Map.of();
        boolean passed;

        CaseRun(SqlCase sqlCase, String id, String topicPrefix) {
            this.sqlCase = sqlCase;
            this.id = id;
            sqlCase.topics().keySet().forEach(t -> physicalTopics.put(t, topicPrefix + t + "-" + id));
        }

        Map<String, String> placeholderValues(FlinkKafkaEnvironment env) {
            Map<String, String> values = new LinkedHashMap<>(Placeholders.ofEnvironment(env));
            values.put("case.id", id);
            registry.ifPresent(r -> values.put("schema.registry.url", r.url().toString()));
            physicalTopics.forEach((logical, physical) -> values.put("topic." + logical, physical));
            return values;
        }

        void lap(String name) {
            long now = System.nanoTime();
            laps.put(name, Duration.ofNanos(now - lapStart));
            lapStart = now;
            phase = switch (name) {
                case "ddl" -> Phase.SUBMIT;
                case "submit" -> Phase.JOB;
                case "job" -> Phase.READ;
                default -> Phase.DONE;
            };
        }

        Duration remaining() {
            Duration left = sqlCase.timeout().minusNanos(System.nanoTime() - start);
            return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
        }

        CaseResult result(CaseResult.Status status, String message, Throwable failure) {
            passed = status == CaseResult.Status.PASSED;
            CaseTimings timings = new CaseTimings(produce, lapOf("ddl"), lapOf("submit"), lapOf("job"), lapOf("read"));
            String where = status == CaseResult.Status.ERROR ? "while " + phase.description + ": " : "";
            String replay = status == CaseResult.Status.PASSED || sqlCase.seeds().isEmpty() ? ""
                    : System.lineSeparator() + "generated input: " + sqlCase.seeds().entrySet().stream()
                            .map(e -> "topic '" + e.getKey() + "' seed " + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", "))
                            + " (the same seed generates the same records)";
            return new CaseResult(sqlCase.name(), status, where + message + replay, Duration.ofNanos(System.nanoTime() - start),
                    timings, physicalTopics, jobIds, Optional.ofNullable(failure), tables);
        }

        private Duration lapOf(String name) {
            return laps.getOrDefault(name, Duration.ZERO);
        }
    }
}
