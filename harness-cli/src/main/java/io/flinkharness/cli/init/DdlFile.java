package io.flinkharness.cli.init;

import io.flinkharness.internal.Suggestions;
import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.gateway.SqlScript;
import io.flinkharness.gateway.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL file with the CREATE TABLE statements of a pipeline, read for {@code init}: its statements in order, its
 * tables resolved by Flink (so a DDL error is reported with the file and line before anything is written).
 *
 * @param file the file
 * @param statements every statement, in order
 * @param tables the CREATE TABLE statements, in order
 */
record DdlFile(Path file, List<SqlStatement> statements, List<DdlTable> tables) {
    DdlFile {
        statements = List.copyOf(statements);
        tables = List.copyOf(tables);
    }

    static DdlFile read(Path file) {
        String text = text(file);
        List<SqlStatement> statements = SqlScript.split(text, file.toString());
        List<DdlTable> tables = new ArrayList<>();
        for (SqlStatement statement : statements) {
            statement.createdTable().ifPresent(name -> tables.add(new DdlTable(name, statement, schema(file, name))));
        }
        if (tables.isEmpty()) {
            throw new CommandException(ExitCodes.BAD_INPUT, file + ": no CREATE TABLE statement — init scaffolds a"
                    + " case from the tables of a DDL file: give a file with CREATE TABLE ... WITH ('connector' ="
                    + " 'kafka', 'topic' = '...', ...)");
        }
        return new DdlFile(file, statements, tables);
    }

    /** The table of that name; the message of an unknown one lists the tables. */
    DdlTable table(String name, String option) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new CommandException(
                ExitCodes.BAD_INPUT, option + " " + name + ": " + file + " declares no table '" + name + "' — "
                + Suggestions.didYouMean(name, tables.stream().map(DdlTable::name).toList(), "its tables")));
    }

    private static RecordSchema schema(Path file, String table) {
        try {
            return RecordSchema.fromDdl(file, table);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, e.getMessage(), e);
        }
    }

    private static String text(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandException(ExitCodes.BAD_INPUT, "no such DDL file: " + file + " — give a .sql file with"
                    + " the CREATE TABLE statements of the pipeline");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, "cannot read " + file + ": " + e, e);
        }
    }
}
