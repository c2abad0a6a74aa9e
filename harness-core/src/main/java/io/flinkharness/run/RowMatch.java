package io.flinkharness.run;

/** How an expectation's rows are matched against the output table. */
public enum RowMatch {
    /** The table holds exactly these rows, in any order (the default). */
    EXACTLY,
    /** The table holds exactly these rows, in this order (the order of the topic's records). */
    IN_ORDER,
    /** The table holds at least these rows, in any order; other rows may be there too. */
    CONTAINS
}
