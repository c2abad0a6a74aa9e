package io.flinkharness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small valid case file for tests, and copies of it with one mistake. Its lines, for the expected messages:
 * the ddl starts on line 6 (CREATE TABLE counts on line 19), the dml on line 29:
 * {@code INSERT INTO counts} (29), {@code SELECT `user`, COUNT(*)} (30), {@code FROM TABLE(TUMBLE(...))} (31).
 */
final class CaseText {
    static final String VALID = """
            name: clicks per user and window
            topics:
              clicks: { partitions: 1 }
              counts: { partitions: 1 }
            ddl: |
              CREATE TABLE clicks (
                `user` STRING,
                ts TIMESTAMP(3),
                WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
              ) WITH (
                'connector' = 'kafka',
                'topic' = '${topic.clicks}',
                'properties.bootstrap.servers' = '${bootstrap.servers}',
                'scan.startup.mode' = 'earliest-offset',
                'scan.bounded.mode' = 'latest-offset',
                'format' = 'json'
              );
              -- the sink
              CREATE TABLE counts (
                `user` STRING,
                clicks BIGINT
              ) WITH (
                'connector' = 'kafka',
                'topic' = '${topic.counts}',
                'properties.bootstrap.servers' = '${bootstrap.servers}',
                'format' = 'json'
              );
            dml: |
              INSERT INTO counts
              SELECT `user`, COUNT(*)
              FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND))
              GROUP BY `user`, window_start, window_end
            expect:
              - topic: counts
                rows: []
            """;

    private CaseText() {
    }

    /** The valid case with {@code text} replaced by {@code replacement} (which must be in it). */
    static String with(String text, String replacement) {
        if (!VALID.contains(text)) {
            throw new IllegalArgumentException("the test case has no '" + text + "'");
        }
        return VALID.replace(text, replacement);
    }

    static Path write(Path file, String yaml) {
        try {
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
