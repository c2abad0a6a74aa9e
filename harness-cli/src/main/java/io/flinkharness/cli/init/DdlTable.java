package io.flinkharness.cli.init;

import io.flinkharness.data.RecordSchema;
import io.flinkharness.gateway.SqlStatement;
import java.util.Objects;

/**
 * One CREATE TABLE of a DDL file: its name, its statement as written and its schema as Flink resolves it.
 *
 * @param name the table's object name, as the case's SQL refers to it
 * @param statement the statement as written in the file
 * @param schema columns, event time, watermark, key fields and options
 */
record DdlTable(String name, SqlStatement statement, RecordSchema schema) {
    DdlTable {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(statement, "statement cannot be null");
        Objects.requireNonNull(schema, "schema cannot be null");
    }

    boolean hasTopic() {
        return schema.tableOptions().containsKey("topic") || schema.tableOptions().containsKey("topic-pattern");
    }

    boolean isUpsert() {
        return "upsert-kafka".equals(schema.tableOptions().get("connector"));
    }

    boolean hasWatermark() {
        return schema.watermark().isPresent();
    }

    /** The name of the case's topic for this table: the table name, in the characters placeholders allow. */
    String topic() {
        return name.replaceAll("[^A-Za-z0-9_.\\-]", "_");
    }
}
