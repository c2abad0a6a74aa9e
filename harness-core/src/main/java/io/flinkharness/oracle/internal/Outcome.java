package io.flinkharness.oracle.internal;

import io.flinkharness.oracle.Flagged;
import io.flinkharness.rows.Row;
import java.util.List;

/**
 * What an oracle engine computed. Not part of the public API.
 *
 * @param rows the predicted rows
 * @param flagged the windows or keys not predicted
 * @param keyColumns the selected columns that identify a row
 * @param explanation the text for {@code OracleResult.explanation()}
 */
public record Outcome(List<Row> rows, List<Flagged> flagged, List<String> keyColumns, String explanation) {
}
