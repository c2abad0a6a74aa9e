package io.flinkharness.cli.init;

import io.flinkharness.gateway.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.table.types.logical.RowType;

/**
 * The YAML of a scaffolded case: a comment on where it came from, the topics, a {@code generate:} section per
 * source, the DDL (every statement of the file, the tables' options made fit for a case), the DML skeleton and an
 * {@code expect:} skeleton for the sink. Every place that needs the user's attention says TODO.
 */
final class CaseScaffold {
    static final String START = "2026-01-01T00:00:00Z";
    static final int RECORDS = 100;
    /** Plain words that YAML reads as booleans or null. */
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    private CaseScaffold() {
    }

    static String yaml(String name, DdlFile ddl, TableRoles roles, List<String> tables) {
        StringBuilder y = new StringBuilder();
        y.append("# Scaffolded by flink-sql-harness init from ").append(ddl.file().getFileName()).append(": ")
                .append(roles.sources().size() == 1 ? "source " : "sources ")
                .append(String.join(", ", roles.sources().stream().map(DdlTable::name).toList()))
                .append(" (generated input), sink ").append(roles.sink().name()).append(".\n")
                .append("# TODO: write the query under test (dml) and the rows it writes (expect); then check the")
                .append(" file\n")
                .append("# with `flink-sql-harness validate` and run it with `flink-sql-harness run`.\n")
                .append("name: ").append(scalar(name)).append('\n');
        topics(y, roles);
        generate(y, roles);
        block(y, "ddl", ddl(ddl, roles, tables));
        block(y, "dml", DmlSkeleton.insert(roles.sink(), roles.sources().get(0)));
        expect(y, roles.sink());
        return y.toString();
    }

    private static void topics(StringBuilder y, TableRoles roles) {
        y.append("topics:\n");
        roles.sources().forEach(t -> y.append("  ").append(key(t.topic())).append(": { partitions: 1 }\n"));
        y.append("  ").append(key(roles.sink().topic())).append(": { partitions: 1 }\n");
    }

    private static void generate(StringBuilder y, TableRoles roles) {
        y.append("generate:\n");
        for (DdlTable source : roles.sources()) {
            y.append("  ").append(key(source.topic())).append(":\n")
                    .append("    schema: { table: ").append(scalar(source.name())).append(" }\n")
                    .append("    seed: 1\n")
                    .append("    records: ").append(RECORDS).append('\n')
                    .append("    time: { start: ").append(START).append(", every: 1s }\n");
            fields(y, source);
        }
    }

    private static void fields(StringBuilder y, DdlTable source) {
        String eventTime = source.schema().eventTimeField().orElse(null);
        List<String> lines = new ArrayList<>();
        for (RowType.RowField field : source.schema().rowType().getFields()) {
            if (field.getName().equals(eventTime)) {
                lines.add("      # " + eventTime + ": the event time (from the watermark); its values follow time:");
            } else {
                String rule = FieldRules.rule(field.getType());
                lines.add("      " + key(field.getName()) + ": " + rule
                        + (rule.equals("{}") ? "  # random " + field.getType().asSummaryString() : ""));
            }
        }
        if (lines.stream().anyMatch(l -> !l.startsWith("      #"))) {
            y.append("    fields:\n");
        }
        lines.forEach(l -> y.append(l).append('\n'));
    }

    /** Every statement of the file in order: sources and sink with their options changed, the rest as written. */
    private static String ddl(DdlFile ddl, TableRoles roles, List<String> selected) {
        List<String> statements = new ArrayList<>();
        for (SqlStatement statement : ddl.statements()) {
            DdlTable table = ddl.tables().stream().filter(t -> t.statement() == statement).findFirst().orElse(null);
            if (table == roles.sink()) {
                statements.add(CaseDdl.sink(table));
            } else if (roles.sources().contains(table)) {
                statements.add(CaseDdl.source(table));
            } else if (table == null || selected.isEmpty()) {
                statements.add(statement.text());
            }
        }
        return String.join(";\n", statements) + ";";
    }

    private static void expect(StringBuilder y, DdlTable sink) {
        String example = String.join(", ", sink.schema().rowType().getFieldNames().stream()
                .map(f -> key(f) + ": ...").toList());
        y.append("expect:\n")
                .append("  - topic: ").append(scalar(sink.topic())).append('\n')
                .append("    mode: ").append(sink.isUpsert() ? "upsert   # the last row per key" : "append")
                .append('\n')
                .append("    # TODO: the rows the query writes, e.g. - { ").append(example).append(" }\n")
                .append("    rows: []\n");
    }

    private static void block(StringBuilder y, String field, String text) {
        y.append(field).append(": |\n");
        text.lines().forEach(line -> y.append(line.isBlank() ? "" : "  " + line).append('\n'));
    }

    /** A YAML mapping key: plain when it is a simple name that YAML reads as text, else quoted. */
    private static String key(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") && isText(name) ? name : quoted(name);
    }

    /** A YAML value: plain when YAML reads it as the same text, else quoted. */
    private static String scalar(String text) {
        return text.matches("[A-Za-z][A-Za-z0-9_ .\\-]*") && !text.endsWith(" ") && isText(text) ? text : quoted(text);
    }

    private static boolean isText(String plain) {
        return !YAML_WORDS.contains(plain.toLowerCase(Locale.ROOT));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
