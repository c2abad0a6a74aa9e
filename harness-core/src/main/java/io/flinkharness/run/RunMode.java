package io.flinkharness.run;

/**
 * How a {@link SqlCase} runs.
 *
 * <ul>
 *   <li>{@link #BOUNDED}: the input is written first, the sources stop at the offsets present when the job starts
 *       ({@code 'scan.bounded.mode' = 'latest-offset'}), the job finishes and its whole output is checked;</li>
 *   <li>{@link #UNBOUNDED}: the job keeps running while the case's {@link CaseStep}s send input, move event time
 *       and wait for output committed at checkpoints; the expectations are checked against what is committed when
 *       the steps are done, then the job is cancelled.</li>
 * </ul>
 */
public enum RunMode { BOUNDED, UNBOUNDED }
