package io.flinkharness.cli.init;

import java.util.List;

/**
 * The DDL of a scaffolded case: each table's statement as written, with the options a case needs. Topic and
 * bootstrap servers become placeholders; the options that reach a production cluster (security, SASL, SSL)
 * are dropped; sources read from the earliest offset and stop at the latest one (bounded mode, so the job ends);
 * the sink writes with exactly-once transactions, so the output is read once it is committed.
 */
final class CaseDdl {
    private static final List<String> PRODUCTION_ONLY = List.of("properties.security.", "properties.sasl.",
            "properties.ssl.");
    private static final List<String> START_AND_STOP = List.of("scan.startup.specific-offsets",
            "scan.startup.timestamp-millis", "scan.bounded.specific-offsets", "scan.bounded.timestamp-millis");

    private CaseDdl() {
    }

    static String source(DdlTable table) {
        WithOptions options = common(table).remove(START_AND_STOP::contains);
        if (!table.isUpsert()) {
            options = options.set("scan.startup.mode", "earliest-offset");
        }
        return options.set("scan.bounded.mode", "latest-offset").text();
    }

    static String sink(DdlTable table) {
        return common(table).remove("sink.semantic"::equals)
                .set("sink.delivery-guarantee", "exactly-once")
                .set("sink.transactional-id-prefix", "${case.id}")
                .text();
    }

    private static WithOptions common(DdlTable table) {
        WithOptions options = WithOptions.of(table.statement().text())
                .remove("topic-pattern"::equals)
                .remove(key -> PRODUCTION_ONLY.stream().anyMatch(key::startsWith))
                .set("topic", "${topic." + table.topic() + "}")
                .set("properties.bootstrap.servers", "${bootstrap.servers}");
        for (String key : List.of("avro-confluent.url", "value.avro-confluent.url", "key.avro-confluent.url")) {
            if (options.get(key).isPresent()) {
                options = options.set(key, "${schema.registry.url}");
            }
        }
        return options;
    }
}
