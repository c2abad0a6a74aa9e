package io.flinkharness.run;

/** How the records of an output topic make up the result rows. */
public enum OutputMode {
    /** Every record is a row. */
    APPEND,
    /** The last value per key is the row; a tombstone deletes the key. */
    UPSERT
}
