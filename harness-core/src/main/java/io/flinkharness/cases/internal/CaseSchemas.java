package io.flinkharness.cases.internal;

import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.SchemaResolver;
import io.flinkharness.gateway.SqlScript;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.registry.SchemaRegistryClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves the schemas a case file's generators name: tables of the case's own DDL, Avro files next to the case
 * file, inline schemas. Not part of the public API.
 */
public final class CaseSchemas implements SchemaResolver {

    private final Path caseFile;
    private final String ddl;

    /** Use {@link io.flinkharness.cases.CaseFiles#schemaResolver}. */
    public static CaseSchemas of(Path caseFile, String ddl) {
        return new CaseSchemas(caseFile, ddl);
    }

    CaseSchemas(Path caseFile, String ddl) {
        this.caseFile = caseFile;
        this.ddl = ddl == null ? "" : ddl;
    }

    @Override
    public RecordSchema table(String name) {
        List<String> names = new ArrayList<>();
        for (SqlStatement statement : SqlScript.split(ddl, "ddl")) {
            java.util.Optional<String> table = statement.createdTable();
            if (table.isPresent()) {
                names.add(table.get());
                if (table.get().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return RecordSchema.fromDdl(statement.text());
                }
            }
        }
        throw new IllegalArgumentException("no CREATE TABLE " + name + " in the case's ddl"
                + (names.isEmpty() ? "" : " (its tables: " + String.join(", ", names) + ")"));
    }

    @Override
    public RecordSchema ddl(String createTable) {
        return RecordSchema.fromDdl(createTable);
    }

    @Override
    public RecordSchema avroFile(String path) {
        Path base = caseFile.toAbsolutePath().getParent();
        Path file = base.resolve(path).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no Avro schema file " + file + " (paths are relative to the case"
                    + " file)");
        }
        return RecordSchema.fromAvro(file);
    }

    @Override
    public RecordSchema registry(String subject, String version, String url) {
        if (url == null) {
            throw new IllegalArgumentException("schema.registry: no url — give the registry's Confluent-compatible"
                    + " API, e.g. url: http://127.0.0.1:8081 (for Apicurio: http://HOST:PORT/apis/ccompat/v7)");
        }
        SchemaRegistryClient client = SchemaRegistryClient.connect(URI.create(url));
        if (version.equalsIgnoreCase("latest")) {
            return RecordSchema.fromRegistry(client, subject);
        }
        try {
            return RecordSchema.fromRegistry(client, subject, Integer.parseInt(version.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("schema.registry.version: '" + version + "' is not a version —"
                    + " give a number or latest");
        }
    }
}
