/**
 * The oracle: what Flink SQL computes from a {@link io.flinkharness.data.GeneratedData generated} input, from the
 * records and their labels alone, so that a test's expected rows are derived rather than written by hand. Start at
 * {@link io.flinkharness.oracle.Oracle}; the result is an {@link io.flinkharness.oracle.OracleResult}.
 *
 * <pre>{@code
 * OracleResult expected = Oracle.hop(Duration.ofSeconds(5), Duration.ofSeconds(15)).groupBy("user_id")
 *         .count("clicks").avg("amount", "mean").expected(data);
 * }</pre>
 *
 * <h2>What Flink 2.2 does, and the oracle follows</h2>
 * Read in Flink's sources and checked against the embedded Flink:
 * <ul>
 *   <li><b>Window aggregation</b> ({@code AbstractSliceSyncStateWindowAggProcessor#processElement},
 *       {@code SliceAssigners}, {@code TimeWindowUtil#isWindowFired}): a window fires when the watermark reaches
 *       its end - 1 ms. A record goes to the slice of its rowtime; it is dropped only if the last window containing
 *       that slice has fired, otherwise it is merged into the slice (HOP) or the shared first slice (CUMULATE) and
 *       counts in every window that fires after it arrives. So per window: a record counts iff the watermark on
 *       its arrival is below {@code window_end - 1}. A window is emitted only if a record counts in it
 *       ({@code SliceSharedSyncStateWindowAggProcessor#fireWindow}). The local/global split
 *       ({@code LocalSlicingWindowAggOperator}, {@code RecordsWindowBuffer}) flushes before the watermark passes a
 *       slice end, which changes nothing, except with a TUMBLE offset: the flush points ignore the offset and
 *       records are lost (FLINK-36664), so such windows are flagged.</li>
 *   <li><b>Result types</b> ({@code SumAggFunction}, {@code AvgAggFunction}, {@code LogicalTypeMerging},
 *       {@code DecimalDataUtils#divide}): SUM and AVG of TINYINT, SMALLINT, INT, BIGINT keep the type (AVG of INT
 *       is INT: a BIGINT sum divided by the count, truncated toward zero; SUM of INT wraps); SUM of DECIMAL(p, s)
 *       is DECIMAL(38, s); AVG of DECIMAL(p, s) is DECIMAL(38, max(6, s)), divided with 38 digits and rounded half
 *       up; COUNT is BIGINT; MIN and MAX keep the type, strings by code point. SUM and AVG of FLOAT and DOUBLE are
 *       refused (the order of floating-point additions depends on slicing and pre-aggregation).</li>
 *   <li><b>Keep-first deduplication on event time</b> ({@code StreamExecDeduplicate}, {@code RankUtil
 *       #outputInsertOnlyInDeduplicate}, {@code RowTimeDeduplicateKeepFirstRowFunction}): with mini-batch off (the
 *       default) and an insert-only input, a record whose rowtime is below the watermark when it arrives is
 *       dropped (one exactly at the watermark is kept); a record replaces the kept one only with a strictly
 *       smaller rowtime ({@code DeduplicateFunctionHelper#shouldKeepCurrentRow}), so of equal rowtimes the first
 *       to arrive wins; the row is emitted once, when the watermark reaches it: insert-only.</li>
 *   <li><b>Keep-last deduplication on event time</b> ({@code RowTimeDeduplicateFunction}): nothing is late; a
 *       record replaces the kept one when its rowtime is at least as large, so the largest rowtime wins and of
 *       equal ones the last to arrive; an insert, then an update per replacement: the final table is what the
 *       oracle predicts ({@link io.flinkharness.oracle.OracleResult#upsertRows()}).</li>
 *   <li><b>Deduplication on processing time</b> ({@code ProcTimeDeduplicateKeepFirstRowFunction},
 *       {@code ProcTimeDeduplicateKeepLastRowFunction}): the first or last record to arrive.</li>
 *   <li><b>Watermarks on several partitions</b> ({@code SourceReaderBase#finishCurrentFetch}): the source
 *       watermark is the minimum over the splits still being read; a split read to its end is released. A record
 *       may therefore meet any watermark from none up to its own partition's, and the labels say so.</li>
 * </ul>
 *
 * <h2>Flagged windows and keys</h2>
 * One partition with {@code 'scan.watermark.emit.strategy' = 'on-event'} is read in produce order and the
 * watermark on each record's arrival is known exactly: nothing is flagged and {@code rows()} is exactly Flink's
 * output. With several partitions or periodic watermarks a record may arrive on either side of the moment its
 * window fires (or, for keep-first, of its own rowtime); such windows and keys are flagged with the records
 * concerned, left out of {@code rows()}, and {@link io.flinkharness.oracle.OracleResult#assertMatches} compares
 * everything else.
 *
 * <p>Assumed: bounded runs (every window fires in the end), windows aligned in UTC (a TIMESTAMP rowtime, or a
 * TIMESTAMP_LTZ one with a UTC session time zone), mini-batch off. Classes in {@code io.flinkharness.oracle.internal}
 * are not part of the public API.
 */
package io.flinkharness.oracle;
