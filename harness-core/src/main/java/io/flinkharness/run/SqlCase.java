package io.flinkharness.run;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One test case of a Flink SQL pipeline: its topics, the records put on them, the DDL and DML under test, and
 * the rows expected on the output topics. Immutable; built with {@link #named(String)}.
 *
 * <p>The SQL may use placeholders, replaced when the case runs: {@code ${topic.NAME}} (the physical topic of
 * the declared topic NAME, unique to this run), {@code ${bootstrap.servers}} and {@code ${case.id}} (unique
 * per run, e.g. for {@code 'sink.transactional-id-prefix'}).
 *
 * <pre>{@code
 * SqlCase c = SqlCase.named("clicks per minute")
 *         .topic("clicks", 4).topic("counts", 1)
 *         .input("clicks", List.of(TestRecord.of("alice", "{...}", Instant.parse("2024-01-01T00:00:01Z"))))
 *         .ddl("CREATE TABLE clicks (...) WITH ('topic' = '${topic.clicks}', ...); CREATE TABLE counts (...)")
 *         .dml("INSERT INTO counts SELECT ...")
 *         .expectRows("counts", Row.of("user", "alice", "clicks", 1))
 *         .build();
 * }</pre>
 */
public record SqlCase(String name, Map<String, Integer> topics, Map<String, List<TestRecord>> inputs, String ddl,
                      String dml, List<Expectation> expectations, Duration timeout, String source, int ddlLine,
                      int dmlLine, Map<String, GeneratedData> generated, List<String> tags, String ddlSource,
                      String dmlSource, List<ValidationQuery> validations, RunPlan run) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Starts the message of every problem with the steps of a {@link RunPlan}. */
    public static final String STEPS_PROBLEM = "the steps: ";

    public SqlCase {
        Objects.requireNonNull(name, "name cannot be null");
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        Map<String, List<TestRecord>> in = new LinkedHashMap<>();
        inputs.forEach((t, r) -> in.put(t, List.copyOf(r)));
        inputs = Collections.unmodifiableMap(in);
        ddl = ddl == null ? "" : ddl;
        Objects.requireNonNull(dml, "case '" + name + "': dml cannot be null");
        expectations = List.copyOf(expectations);
        Objects.requireNonNull(timeout, "timeout cannot be null");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("case '" + name + "': timeout must be positive, got " + timeout);
        }
        source = source == null ? "case '" + name + "'" : source;
        if (ddlLine < 1 || dmlLine < 1) {
            throw new IllegalArgumentException("case '" + name + "': script lines start at 1, got ddl " + ddlLine
                    + ", dml " + dmlLine);
        }
        generated = Collections.unmodifiableMap(new LinkedHashMap<>(generated));
        tags = List.copyOf(tags);
        validations = List.copyOf(validations);
        ddlSource = ddlSource == null ? source + " ddl" : ddlSource;
        dmlSource = dmlSource == null ? source + " dml" : dmlSource;
        Objects.requireNonNull(run, "run cannot be null; use RunPlan.BOUNDED");
        validate(name, topics, inputs, expectations);
        validateGenerated(name, topics, generated);
        validateSteps(name, topics, inputs, generated, run);
    }

    /** A bounded case. */
    public SqlCase(String name, Map<String, Integer> topics, Map<String, List<TestRecord>> inputs, String ddl,
                   String dml, List<Expectation> expectations, Duration timeout, String source, int ddlLine,
                   int dmlLine, Map<String, GeneratedData> generated, List<String> tags, String ddlSource,
                   String dmlSource, List<ValidationQuery> validations) {
        this(name, topics, inputs, ddl, dml, expectations, timeout, source, ddlLine, dmlLine, generated, tags,
                ddlSource, dmlSource, validations, RunPlan.BOUNDED);
    }

    /** A case without tags whose scripts are named after {@code source}. */
    public SqlCase(String name, Map<String, Integer> topics, Map<String, List<TestRecord>> inputs, String ddl,
                   String dml, List<Expectation> expectations, Duration timeout, String source, int ddlLine,
                   int dmlLine, Map<String, GeneratedData> generated) {
        this(name, topics, inputs, ddl, dml, expectations, timeout, source, ddlLine, dmlLine, generated, List.of(),
                null, null, List.of());
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A copy with a different expectation at {@code index}. */
    public SqlCase withExpectation(int index, Expectation expectation) {
        List<Expectation> copy = new ArrayList<>(expectations);
        copy.set(index, expectation);
        return new SqlCase(name, topics, inputs, ddl, dml, copy, timeout, source, ddlLine, dmlLine, generated, tags,
                ddlSource, dmlSource, validations, run);
    }

    public SqlCase withTimeout(Duration limit) {
        return new SqlCase(name, topics, inputs, ddl, dml, expectations, limit, source, ddlLine, dmlLine, generated,
                tags, ddlSource, dmlSource, validations, run);
    }

    /** A copy that runs as {@code plan} says, e.g. {@code RunPlan.unbounded(steps)}. */
    public SqlCase withRun(RunPlan plan) {
        return new SqlCase(name, topics, inputs, ddl, dml, expectations, timeout, source, ddlLine, dmlLine, generated,
                tags, ddlSource, dmlSource, validations, plan);
    }

    /** The topics with declared input (generated or explicit), in the order they are declared. */
    public List<String> inputTopics() {
        return topics.keySet().stream().filter(t -> inputs.containsKey(t) || generated.containsKey(t)).toList();
    }

    /**
     * The steps an unbounded run does: the plan's, or by default one {@code send} per topic with input, then
     * {@code await: expectations}. Empty for a bounded case.
     */
    public List<CaseStep> steps() {
        if (!run.unbounded() || !run.steps().isEmpty()) {
            return run.steps();
        }
        List<CaseStep> steps = new ArrayList<>();
        inputTopics().forEach(t -> steps.add(new CaseStep.Send(t)));
        steps.add(CaseStep.AwaitExpectations.withRunLimit());
        return List.copyOf(steps);
    }

    /** The seed of each topic's generated input. */
    public Map<String, Long> seeds() {
        Map<String, Long> seeds = new LinkedHashMap<>();
        generated.forEach((topic, data) -> seeds.put(topic, data.seed()));
        return seeds;
    }

    private static void validateGenerated(String name, Map<String, Integer> topics,
            Map<String, GeneratedData> generated) {
        generated.forEach((topic, data) -> {
            Integer partitions = topics.get(topic);
            if (partitions == null) {
                throw new IllegalArgumentException("case '" + name + "': generated input for topic '" + topic
                        + "', which is not declared; declared topics: " + topics.keySet());
            }
            if (data.partitions() > partitions) {
                throw new IllegalArgumentException("case '" + name + "': generated input for topic '" + topic
                        + "' is placed over " + data.partitions() + " partitions but the topic has " + partitions
                        + " — declare the topic with " + data.partitions() + " partitions or place fewer");
            }
        });
    }

    private static void validateSteps(String name, Map<String, Integer> topics, Map<String, List<TestRecord>> inputs,
                                      Map<String, GeneratedData> generated, RunPlan run) {
        String where = "case '" + name + "': " + STEPS_PROBLEM;
        Map<String, Integer> left = new LinkedHashMap<>();
        topics.keySet().forEach(t -> left.put(t, inputs.getOrDefault(t, List.of()).size()
                + (generated.containsKey(t) ? generated.get(t).size() : 0)));
        for (CaseStep step : run.steps()) {
            if (step instanceof CaseStep.Send send) {
                if (!inputs.containsKey(send.topic()) && !generated.containsKey(send.topic())) {
                    throw new IllegalArgumentException(where + "step '" + send.describe() + "' sends the input of"
                            + " topic '" + send.topic() + "', but the case declares none; topics with input: "
                            + topics.keySet().stream().filter(t -> inputs.containsKey(t) || generated.containsKey(t))
                            .toList());
                }
                int remaining = left.get(send.topic());
                int sent = send.records().orElse(remaining);
                if (remaining == 0 || sent > remaining) {
                    throw new IllegalArgumentException(where + "step '" + send.describe() + "' sends " + sent
                            + " records of topic '" + send.topic() + "', but only " + remaining + " of its input "
                            + (remaining == 1 ? "is" : "are") + " left after the steps before it");
                }
                left.put(send.topic(), remaining - sent);
            }
        }
        left.forEach((topic, remaining) -> {
            if (run.unbounded() && !run.steps().isEmpty() && remaining > 0) {
                throw new IllegalArgumentException(where + remaining + " records of the input of topic '" + topic
                        + "' are never sent — add a step 'send: " + topic + "' (it sends what is left)");
            }
        });
    }

    private static void validate(String name, Map<String, Integer> topics, Map<String, List<TestRecord>> inputs,
                                 List<Expectation> expectations) {
        String where = "case '" + name + "': ";
        topics.forEach((t, p) -> {
            if (p == null || p < 1) {
                throw new IllegalArgumentException(where + "topic '" + t + "' needs at least 1 partition, got " + p);
            }
        });
        inputs.forEach((topic, records) -> {
            Integer partitions = topics.get(topic);
            if (partitions == null) {
                throw new IllegalArgumentException(where + "input for topic '" + topic
                        + "', which is not declared; declared topics: " + topics.keySet());
            }
            for (int i = 0; i < records.size(); i++) {
                TestRecord r = records.get(i);
                if (r.partition().isPresent() && r.partition().getAsInt() >= partitions) {
                    throw new IllegalArgumentException(where + "input '" + topic + "' record " + i
                            + " goes to partition " + r.partition().getAsInt() + " but the topic has " + partitions
                            + " partitions (0.." + (partitions - 1) + ")");
                }
            }
        });
        for (Expectation e : expectations) {
            if (!topics.containsKey(e.topic())) {
                throw new IllegalArgumentException(where + (e.rowsChecked() ? "expected rows for" : "output")
                        + " topic '" + e.topic() + "', which is not declared; declared topics: " + topics.keySet());
            }
        }
    }

    /** Builds a {@link SqlCase}; every method returns this builder. */
    public static final class Builder {
        private final String name;
        private final Map<String, Integer> topics = new LinkedHashMap<>();
        private final Map<String, List<TestRecord>> inputs = new LinkedHashMap<>();
        private final List<Expectation> expectations = new ArrayList<>();
        private String ddl = "";
        private String dml;
        private int ddlLine = 1;
        private int dmlLine = 1;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String source;
        private String ddlSource;
        private String dmlSource;
        private final List<String> tags = new ArrayList<>();
        private final List<ValidationQuery> validations = new ArrayList<>();
        private final Map<String, GeneratedData> generated = new LinkedHashMap<>();
        private RunPlan run = RunPlan.BOUNDED;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name cannot be null");
        }

        /** Declares a topic, created fresh for every run under a unique physical name. */
        public Builder topic(String logicalName, int partitions) {
            topics.put(logicalName, partitions);
            return this;
        }

        /** Records written to the topic, in order, before the DML is submitted. */
        public Builder input(String topic, List<TestRecord> records) {
            inputs.computeIfAbsent(topic, t -> new ArrayList<>()).addAll(records);
            return this;
        }

        public Builder input(String topic, TestRecord... records) {
            return input(topic, Arrays.asList(records));
        }

        /**
         * Generated records written to the topic (before any explicit input of the topic), in their produce order
         * and partitions, encoded when the case runs as their schema implies: the table's formats (for
         * {@code avro-confluent} with ids from the environment's schema registry), Avro for an Avro schema, else
         * JSON. The seed is reported with every failure of the case, so the run can be replayed.
         */
        public Builder input(String topic, GeneratedData data) {
            generated.put(topic, Objects.requireNonNull(data, "data cannot be null"));
            return this;
        }

        /** Statements (separated by {@code ;}) run first, in order: CREATE TABLE, SET, ... */
        public Builder ddl(String script) {
            this.ddl = script;
            return this;
        }

        /** The statements under test, usually one INSERT INTO or one STATEMENT SET. */
        public Builder dml(String script) {
            this.dml = script;
            return this;
        }

        /**
         * The lines of the source on which the ddl and dml scripts start, so that errors give the line in the
         * file the scripts came from (both 1 by default).
         */
        public Builder scriptLines(int ddlFirstLine, int dmlFirstLine) {
            this.ddlLine = ddlFirstLine;
            this.dmlLine = dmlFirstLine;
            return this;
        }

        public Builder expectRows(String topic, List<Row> rows) {
            expectations.add(new Expectation(topic, OutputMode.APPEND, rows));
            return this;
        }

        public Builder expectRows(String topic, Row... rows) {
            return expectRows(topic, Arrays.asList(rows));
        }

        /** Rows expected in the table an upsert topic stands for (last value per key, tombstones delete). */
        public Builder expectUpsertRows(String topic, List<Row> rows) {
            expectations.add(new Expectation(topic, OutputMode.UPSERT, rows));
            return this;
        }

        public Builder expectUpsertRows(String topic, Row... rows) {
            return expectUpsertRows(topic, Arrays.asList(rows));
        }

        /** An expectation built on its own, e.g. with columns or tolerances ({@link Expectation#onColumns}). */
        public Builder expect(Expectation expectation) {
            expectations.add(Objects.requireNonNull(expectation, "expectation cannot be null"));
            return this;
        }

        /**
         * Reads the topic when the case has run, without checking its rows, into {@link CaseResult#table} for
         * assertions of your own ({@link io.flinkharness.results.ResultAssertions}).
         */
        public Builder output(String topic) {
            return expect(Expectation.readOnly(topic));
        }

        /** Limit for the jobs to finish and the output to become visible; positive, 60 s by default. */
        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        /** A query over the case's tables, run once its jobs have finished, and the rows it must return. */
        public Builder validate(ValidationQuery query) {
            validations.add(Objects.requireNonNull(query, "query cannot be null"));
            return this;
        }

        /** Labels to select cases by, e.g. {@code smoke}, {@code windows}. */
        public Builder tags(List<String> labels) {
            labels.forEach(t -> {
                if (t == null || t.isBlank()) {
                    throw new IllegalArgumentException("case '" + name + "': a tag cannot be blank");
                }
                if (!tags.contains(t)) {
                    tags.add(t);
                }
            });
            return this;
        }

        /**
         * Where the ddl and dml scripts come from, for messages (e.g. a SQL file), when not the case's source:
         * {@code statement 2 (line 7) of sql/tables.sql}.
         */
        public Builder scriptSources(String ddlFrom, String dmlFrom) {
            this.ddlSource = ddlFrom;
            this.dmlSource = dmlFrom;
            return this;
        }

        /** How the case runs: {@link RunPlan#BOUNDED} by default, or {@code RunPlan.unbounded(steps)}. */
        public Builder run(RunPlan plan) {
            this.run = Objects.requireNonNull(plan, "plan cannot be null");
            return this;
        }

        /** Where the case was defined, e.g. a file name, for messages. */
        public Builder source(String description) {
            this.source = description;
            return this;
        }

        public SqlCase build() {
            if (dml == null || dml.isBlank()) {
                throw new IllegalArgumentException("case '" + name + "': dml is missing — give the statement under test");
            }
            return new SqlCase(name, topics, inputs, ddl, dml, expectations, timeout, source, ddlLine, dmlLine, generated,
                    tags, ddlSource, dmlSource, validations, run);
        }
    }
}
