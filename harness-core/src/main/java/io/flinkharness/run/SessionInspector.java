package io.flinkharness.run;

import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.internal.DdlSchemaReader;
import io.flinkharness.diagnosis.Diagnosis;
import io.flinkharness.diagnosis.internal.Facts;
import io.flinkharness.flink.CheckpointStats;
import io.flinkharness.flink.FlinkRestClient;
import io.flinkharness.flink.JobMetrics;
import io.flinkharness.flink.JobOverview;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.kafka.OutputRecord;
import io.flinkharness.kafka.ReadCommittedReader;
import io.flinkharness.kafka.TopicEnds;
import io.flinkharness.results.OutputDecoder;
import io.flinkharness.results.ResultRow;
import io.flinkharness.results.ResultTable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gathers the {@link Facts} of a session for a {@link Diagnosis}: the state, checkpoints and metrics of its
 * jobs from the Flink REST API, and from Kafka the event times in each partition of its source tables and the
 * open transactions on its output tables' topics.
 */
final class SessionInspector {
    private static final Pattern INSERT_INTO = Pattern.compile("\\bINSERT\\s+(?:INTO|OVERWRITE)\\s+(`[^`]+`|[\\w.]+)",
            Pattern.CASE_INSENSITIVE);
    private static final String TABLE_IDLE_TIMEOUT = "scan.watermark.idle-timeout";
    private static final String SESSION_IDLE_TIMEOUT = "table.exec.source.idle-timeout";

    private static final Duration METRICS_REFRESH_LIMIT = Duration.ofSeconds(2);

    private final FlinkRestClient flink;
    private final ReadCommittedReader reader;
    private final Duration timeout;

    SessionInspector(FlinkRestClient flink, ReadCommittedReader reader, Duration timeout) {
        this.flink = flink;
        this.reader = reader;
        this.timeout = timeout;
    }

    Diagnosis diagnose(List<SqlJob> jobs, Map<String, SqlStatement> tables, Map<String, String> sessionOptions,
                       Optional<Instant> awaitedWatermark) {
        try {
            List<Facts.Job> jobFacts = jobs.stream().map(this::job).toList();
            Set<String> outputs = new LinkedHashSet<>();
            jobs.forEach(j -> outputs.addAll(insertedTables(j.statement())));
            List<Facts.Source> sources = new ArrayList<>();
            List<Facts.Output> outputFacts = new ArrayList<>();
            tables.forEach((name, ddl) -> {
                RecordSchema schema;
                try {
                    schema = DdlSchemaReader.read(ddl, Optional.empty());
                } catch (RuntimeException e) {
                    return;
                }
                String topic = schema.tableOptions().get("topic");
                if (topic == null || topic.contains(";")) {
                    return;
                }
                if (outputs.contains(name)) {
                    outputFacts.add(output(name, topic, schema));
                }
                if (schema.watermark().isPresent()) {
                    sources.add(source(name, topic, schema, sessionOptions));
                }
            });
            return Diagnosis.of(new Facts(Instant.now(), jobFacts, sources, outputFacts, awaitedWatermark));
        } catch (RuntimeException e) {
            return Diagnosis.unavailable(e.getMessage());
        }
    }

    private Facts.Job job(SqlJob job) {
        String head = job.statement().head();
        JobStatus status;
        try {
            status = flink.status(job.id());
        } catch (RuntimeException e) {
            return new Facts.Job(job.id(), head, JobStatus.SUSPENDED, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("state unknown: " + e.getMessage()));
        }
        Optional<String> failure = Optional.empty();
        Optional<Instant> started = Optional.empty();
        Optional<JobMetrics> metrics = Optional.empty();
        Optional<CheckpointStats> checkpoints = Optional.empty();
        Optional<String> problem = Optional.empty();
        try {
            if (status == JobStatus.FAILED) {
                failure = Optional.of(flink.failureCause(job.id()));
            }
            JobOverview overview = flink.overview(job.id());
            started = Optional.of(overview.started());
            if (status == JobStatus.RUNNING) {
                metrics = Optional.of(flink.freshMetrics(job.id(), METRICS_REFRESH_LIMIT));
                checkpoints = Optional.of(flink.checkpoints(job.id()));
            }
        } catch (RuntimeException e) {
            problem = Optional.of("metrics unavailable: " + e.getMessage());
        }
        return new Facts.Job(job.id(), head, status, failure, started, metrics, checkpoints, problem);
    }

    private Facts.Output output(String table, String topic, RecordSchema schema) {
        TopicEnds ends = reader.ends(topic);
        long committed = reader.readCommitted(topic, timeout).size();
        return new Facts.Output(table, topic, committed, ends);
    }

    private Facts.Source source(String table, String topic, RecordSchema schema, Map<String, String> sessionOptions) {
        Optional<Duration> delay = schema.watermark().map(w -> w.delay());
        Optional<String> idle = idleTimeout(schema.tableOptions().get(TABLE_IDLE_TIMEOUT))
                .map(v -> "'" + TABLE_IDLE_TIMEOUT + "' = '" + v + "'")
                .or(() -> idleTimeout(sessionOptions.get(SESSION_IDLE_TIMEOUT))
                        .map(v -> "'" + SESSION_IDLE_TIMEOUT + "' = '" + v + "'"));
        List<OutputRecord> records;
        try {
            records = reader.readCommitted(topic, timeout);
        } catch (RuntimeException e) {
            return new Facts.Source(table, topic, delay, idle, List.of(), Optional.of("cannot read: " + e.getMessage()));
        }
        int partitions = reader.ends(topic).high().size();
        Map<Integer, List<OutputRecord>> byPartition = new TreeMap<>(records.stream()
                .collect(Collectors.groupingBy(OutputRecord::partition)));
        List<Facts.Partition> facts = new ArrayList<>();
        Optional<String> problem = Optional.empty();
        OutputDecoder decoder = OutputDecoder.forTable(schema);
        for (int p = 0; p < partitions; p++) {
            List<OutputRecord> in = byPartition.getOrDefault(p, List.of());
            List<Instant> times;
            try {
                times = eventTimes(in, schema, decoder);
            } catch (RuntimeException e) {
                problem = Optional.of("event times from record timestamps: the records do not decode as the table"
                        + " says (" + e.getMessage() + ")");
                times = in.stream().map(OutputRecord::timestamp).toList();
            }
            facts.add(new Facts.Partition(p, in.size(), times.stream().min(Comparator.naturalOrder()),
                    times.stream().max(Comparator.naturalOrder())));
        }
        return new Facts.Source(table, topic, delay, idle, facts, problem);
    }

    private static List<Instant> eventTimes(List<OutputRecord> records, RecordSchema schema, OutputDecoder decoder) {
        if (records.isEmpty()) {
            return List.of();
        }
        if (schema.eventTimeField().isEmpty()) {
            return records.stream().map(OutputRecord::timestamp).toList();
        }
        String field = schema.eventTimeField().get();
        ResultTable table = decoder.decode(records, ResultTable.Kind.APPEND);
        List<Instant> times = new ArrayList<>();
        for (ResultRow row : table.rows()) {
            instant(row.get(field)).ifPresent(times::add);
        }
        return times;
    }

    /** An event-time value as Flink's watermarks count it: TIMESTAMP as UTC, epoch numbers as milliseconds. */
    static Optional<Instant> instant(Object value) {
        if (value instanceof Instant i) {
            return Optional.of(i);
        }
        if (value instanceof LocalDateTime t) {
            return Optional.of(t.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof Number n) {
            return Optional.of(Instant.ofEpochMilli(n.longValue()));
        }
        if (value instanceof java.sql.Timestamp t) {
            return Optional.of(t.toLocalDateTime().toInstant(ZoneOffset.UTC));
        }
        return Optional.empty();
    }

    private static Optional<String> idleTimeout(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.isEmpty() || v.matches("0+\\s*(ms|s|min)?") ? Optional.empty() : Optional.of(value.trim());
    }

    /** The tables a statement writes to, lower-case without back-ticks. */
    static List<String> insertedTables(SqlStatement statement) {
        List<String> tables = new ArrayList<>();
        Matcher m = INSERT_INTO.matcher(statement.text());
        while (m.find()) {
            String name = m.group(1).replace("`", "");
            int dot = name.lastIndexOf('.');
            tables.add((dot >= 0 ? name.substring(dot + 1) : name).toLowerCase(Locale.ROOT));
        }
        return tables;
    }
}
