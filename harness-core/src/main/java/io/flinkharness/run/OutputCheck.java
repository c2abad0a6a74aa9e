package io.flinkharness.run;

import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.internal.DdlSchemaReader;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.kafka.OutputRecord;
import io.flinkharness.registry.SchemaRegistryClient;
import io.flinkharness.results.OutputDecoder;
import io.flinkharness.results.ResultTable;
import io.flinkharness.results.internal.RowChecks;
import io.flinkharness.results.internal.Settings;
import io.flinkharness.results.internal.TableComparer;
import io.flinkharness.rows.OutputRows;
import io.flinkharness.rows.Row;
import io.flinkharness.rows.RowDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the output of an expectation as its sink table types it and compares the expected rows: the table is
 * the CREATE TABLE of the case's DDL whose {@code 'topic'} is the output topic, decoded in its formats; a topic
 * without such a table (or one the harness cannot read) is compared as untyped JSON rows, as before typed
 * results. Every expectation is checked; the mismatches are reported together.
 */
final class OutputCheck {
    private static final int ROWS_SHOWN = 10;

    private final List<SqlStatement> ddl;
    private final Optional<SchemaRegistryClient> registry;
    private final Map<String, ResultTable> tables = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    /** Why the last topic's sink table could not be read, if it could not. */
    private Optional<String> unreadable = Optional.empty();

    /** @param ddl the case's DDL with placeholders replaced, so table options name the physical topics */
    OutputCheck(List<SqlStatement> ddl, Optional<SchemaRegistryClient> registry) {
        this.ddl = ddl;
        this.registry = registry;
    }

    /** As {@link #check(Expectation, String, List, SqlCase)} for an expectation without checks of its own. */
    void check(Expectation expectation, String physicalTopic, List<OutputRecord> records) {
        check(expectation, physicalTopic, records, null);
    }

    /** Reads one expectation's records; a mismatch is kept for {@link #mismatches()}. */
    void check(Expectation expectation, String physicalTopic, List<OutputRecord> records, SqlCase sqlCase) {
        Optional<OutputDecoder> decoder = decoder(physicalTopic);
        if (decoder.isEmpty()) {
            if (!expectation.checks().isEmpty()) {
                throw new IllegalArgumentException("topic '" + expectation.topic() + "': window, unique and dedup"
                        + " checks need the topic's sink table: declare it in the case's ddl with 'topic' ="
                        + " '${topic." + expectation.topic() + "}' as a CREATE TABLE the harness can read"
                        + unreadable.map(why -> " (" + why + ")").orElse(""));
            }
            if (expectation.rowsChecked()) {
                checkUntyped(expectation, physicalTopic, records);
            }
            return;
        }
        ResultTable.Kind kind = expectation.rowsChecked() ? kind(expectation.mode()) : decoder.get().defaultKind();
        ResultTable table = decoder.get().decode(records, kind).withOrigin("topic " + physicalTopic + ", read_committed");
        tables.put(expectation.topic(), table);
        if (expectation.rowsChecked()) {
            TableComparer comparer = new TableComparer(table, settings(expectation));
            (switch (expectation.match()) {
                case EXACTLY -> RowChecks.containsExactlyInAnyOrder(comparer, expectation.rows(), ROWS_SHOWN);
                case IN_ORDER -> RowChecks.containsExactlyInOrder(comparer, expectation.rows(), ROWS_SHOWN);
                case CONTAINS -> RowChecks.contains(comparer, expectation.rows(), ROWS_SHOWN);
            }).ifPresent(mismatches::add);
        }
        for (TableCheck check : expectation.checks()) {
            try {
                check.check(table, sqlCase);
            } catch (AssertionError e) {
                mismatches.add(String.valueOf(e.getMessage()).strip());
            }
        }
    }

    Map<String, ResultTable> tables() {
        return tables;
    }

    /**
     * Every table of the DDL whose topic is one of {@code physicalTopics}, by table name, read with
     * {@code read} and materialized as its connector means it: what validation queries see.
     */
    Map<String, ResultTable> tablesByName(java.util.Collection<String> physicalTopics,
                                          java.util.function.Function<String, List<OutputRecord>> read) {
        Map<String, ResultTable> byName = new LinkedHashMap<>();
        for (SqlStatement statement : ddl) {
            Optional<String> name = statement.createdTable();
            if (name.isEmpty()) {
                continue;
            }
            RecordSchema schema = DdlSchemaReader.read(statement, Optional.empty());
            String topic = schema.tableOptions().get("topic");
            if (topic != null && physicalTopics.contains(topic)) {
                byName.put(name.get(), decoder(schema, registry).decode(read.apply(topic)).withOrigin("topic " + topic
                        + ", read_committed"));
            }
        }
        return byName;
    }

    /** The diffs of the expectations that did not match, in the order of the expectations. */
    List<String> mismatches() {
        return mismatches;
    }

    /** The decoder of a sink table's records, reading Confluent-framed Avro through the registry if there is one. */
    static OutputDecoder decoder(RecordSchema sinkTable, Optional<SchemaRegistryClient> registry) {
        OutputDecoder decoder = OutputDecoder.forTable(sinkTable);
        return registry.map(decoder::withSchemaRegistry).orElse(decoder);
    }

    /** The decoder of the topic's sink table, if the DDL declares one the harness can read. */
    private Optional<OutputDecoder> decoder(String physicalTopic) {
        unreadable = Optional.empty();
        Pattern topicOption = Pattern.compile("'topic'\\s*=\\s*'" + Pattern.quote(physicalTopic) + "'",
                Pattern.CASE_INSENSITIVE);
        for (SqlStatement statement : ddl) {
            if (statement.createdTable().isPresent() && topicOption.matcher(statement.text()).find()) {
                try {
                    return Optional.of(decoder(DdlSchemaReader.read(statement, Optional.empty()), registry));
                } catch (IllegalArgumentException e) {
                    unreadable = Optional.of(statement.location() + ": " + e.getMessage());
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static ResultTable.Kind kind(OutputMode mode) {
        return ResultTable.Kind.valueOf(mode.name());
    }

    private static Settings settings(Expectation expectation) {
        Settings settings = Settings.DEFAULT;
        if (!expectation.columns().isEmpty()) {
            settings = settings.withColumns(expectation.columns());
        }
        for (Map.Entry<String, io.flinkharness.results.Tolerance> t : expectation.tolerances().entrySet()) {
            settings = settings.withTolerance(t.getKey(), t.getValue());
        }
        return settings;
    }

    /** JSON rows without types: for topics whose sink table the harness cannot read. */
    private void checkUntyped(Expectation expectation, String physicalTopic, List<OutputRecord> records) {
        String mode = expectation.mode().name().toLowerCase(Locale.ROOT);
        if (expectation.mode() == OutputMode.RETRACT || expectation.mode() == OutputMode.CHANGELOG
                || !expectation.tolerances().isEmpty() || expectation.match() != RowMatch.EXACTLY) {
            throw new IllegalArgumentException("topic '" + expectation.topic() + "': "
                    + (!expectation.tolerances().isEmpty() ? "tolerances need" : expectation.match() != RowMatch.EXACTLY
                    ? "match " + expectation.match().name().toLowerCase(Locale.ROOT).replace('_', '-') + " needs"
                    : "mode " + mode + " needs")
                    + " the topic's sink table: declare it in the case's ddl with 'topic' = '${topic."
                    + expectation.topic() + "}' as a CREATE TABLE the harness can read"
                    + unreadable.map(why -> " (" + why + ")").orElse(""));
        }
        List<Row> actual = expectation.mode() == OutputMode.UPSERT ? OutputRows.upsert(records)
                : OutputRows.append(records);
        List<Row> expected = expectation.rows();
        if (!expectation.columns().isEmpty()) {
            actual = actual.stream().map(r -> project(r, expectation.columns())).toList();
            expected = expected.stream().map(r -> project(r, expectation.columns())).toList();
        }
        RowDiff diff = RowDiff.ignoringOrder(expected, actual);
        if (!diff.isEmpty()) {
            mismatches.add("Expecting topic '" + expectation.topic() + "' (" + physicalTopic + ", " + mode
                    + ", read_committed)\n" + diff.render() + unreadable.map(why -> "\ncompared as untyped JSON rows,"
                    + " the sink table could not be read: " + why).orElse(""));
        }
    }

    private static Row project(Row row, List<String> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        columns.forEach(c -> {
            if (row.values().containsKey(c)) {
                values.put(c, row.get(c));
            }
        });
        return Row.of(values);
    }
}
