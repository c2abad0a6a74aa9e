package io.flinkharness.results.internal;

import java.util.List;

/**
 * One row prepared for comparison: a key per compared column (see {@link TypedValues#key}), the cells as a diff
 * shows them, and the value rows are sorted by in a diff (the window start, if any). Not part of the public API.
 *
 * @param position the row's 0-based position in its list
 */
public record Compared(Object[] keys, List<String> shown, Object sortKey, int position) {
}
