package io.flinkharness.cli.init;

import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import java.util.List;
import java.util.Optional;

/**
 * Which tables of a DDL file the case reads (sources: their records are generated) and which one it writes (the
 * sink: its rows are expected). Only tables with a Kafka topic take part. Unless named, the sink is the last
 * such table without a watermark (a sink rarely declares one), else the last such table.
 *
 * @param sources the tables whose topics get generated input, in file order
 * @param sink the table the DML writes
 */
record TableRoles(List<DdlTable> sources, DdlTable sink) {
    TableRoles {
        sources = List.copyOf(sources);
    }

    static TableRoles of(DdlFile ddl, List<String> selected, Optional<String> sinkName) {
        List<DdlTable> candidates = (selected.isEmpty() ? ddl.tables()
                : selected.stream().map(name -> ddl.table(name, "--table")).toList())
                .stream().filter(DdlTable::hasTopic).toList();
        if (candidates.size() < 2) {
            throw new CommandException(ExitCodes.BAD_INPUT, ddl.file() + ": " + (candidates.isEmpty()
                    ? "no table with a 'topic' option"
                    : "one table with a 'topic' option (" + candidates.get(0).name() + ")") + " among "
                    + names(selected.isEmpty() ? ddl.tables() : candidates) + " — a case needs a source table and a"
                    + " sink table on Kafka topics ('connector' = 'kafka' or 'upsert-kafka'): add the missing"
                    + " CREATE TABLE" + (selected.isEmpty() ? "" : ", or select it with --table"));
        }
        DdlTable sink = sinkName.map(name -> chosenSink(ddl, candidates, name))
                .orElseGet(() -> guessedSink(candidates));
        return new TableRoles(candidates.stream().filter(t -> t != sink).toList(), sink);
    }

    private static DdlTable chosenSink(DdlFile ddl, List<DdlTable> candidates, String name) {
        DdlTable table = ddl.table(name, "--sink");
        if (!candidates.contains(table)) {
            throw new CommandException(ExitCodes.BAD_INPUT, "--sink " + name + ": " + (table.hasTopic()
                    ? "not among the tables selected with --table" : "the table has no 'topic' option")
                    + " — the sink is one of " + names(candidates));
        }
        return table;
    }

    private static DdlTable guessedSink(List<DdlTable> candidates) {
        List<DdlTable> withoutWatermark = candidates.stream().filter(t -> !t.hasWatermark()).toList();
        List<DdlTable> pool = withoutWatermark.isEmpty() ? candidates : withoutWatermark;
        return pool.get(pool.size() - 1);
    }

    private static String names(List<DdlTable> tables) {
        return "[" + String.join(", ", tables.stream().map(DdlTable::name).toList()) + "]";
    }
}
