package io.flinkharness.cli.report;

import io.flinkharness.data.RecordSchema;
import io.flinkharness.gateway.SqlScript;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.run.SqlCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the table of a case's DDL that reads a topic ({@code 'topic' = '${topic.NAME}'}), to learn where its
 * event time is and the watermark it declares. Flink's own parser reads the statement
 * ({@link RecordSchema#fromDdl(String)}); a statement it cannot read is passed over.
 */
final class SourceTables {
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^\\s*CREATE\\s+(?:TEMPORARY\\s+)?TABLE\\b.*");

    private SourceTables() {
    }

    /** The schema of the table on {@code topic}, preferring one that declares a watermark. */
    static Optional<RecordSchema> of(SqlCase sqlCase, String topic) {
        String placeholder = "${topic." + topic + "}";
        List<RecordSchema> tables = new ArrayList<>();
        for (SqlStatement statement : SqlScript.split(sqlCase.ddl(), sqlCase.source() + " ddl", sqlCase.ddlLine())) {
            String text = SqlText.blankComments(statement.text());
            if (CREATE_TABLE.matcher(text).matches() && text.contains(placeholder)) {
                read(statement).filter(s -> placeholder.equals(s.tableOptions().get("topic"))).ifPresent(tables::add);
            }
        }
        return tables.stream().filter(t -> t.watermark().isPresent()).findFirst()
                .or(() -> tables.stream().findFirst());
    }

    private static Optional<RecordSchema> read(SqlStatement statement) {
        try {
            return Optional.of(RecordSchema.fromDdl(statement.text()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
