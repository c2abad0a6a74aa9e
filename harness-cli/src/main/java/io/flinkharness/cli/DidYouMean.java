package io.flinkharness.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "did you mean …?" for a misspelt name (a topic, a table), or the list of known names.
 *
 * <pre>{@code
 * DidYouMean.hint("clikcs", List.of("clicks", "counts"), "generated topics")
 * // "did you mean 'clicks'? (generated topics: clicks, counts)"
 * }</pre>
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** The hint: the closest known name if it is close enough to be a misspelling, and the known names. */
    public static String hint(String given, Collection<String> known, String knownLabel) {
        String list = knownLabel + ": " + String.join(", ", known);
        return closest(given, known).map(s -> "did you mean '" + s + "'? (" + list + ")").orElse(list);
    }

    /** The known name closest to {@code given}, if it is close enough to be a misspelling of it. */
    public static Optional<String> closest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, given.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
