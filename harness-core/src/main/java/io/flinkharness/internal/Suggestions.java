package io.flinkharness.internal;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" for misspelt names. Not part of the public API. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The known name closest to {@code given}, if it is close enough to be a misspelling of it. */
    public static Optional<String> closest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(given.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** " — did you mean 'x'?" style hint, or a list of what is known. */
    public static String didYouMean(String given, Collection<String> known, String knownLabel) {
        String list = knownLabel + ": " + String.join(", ", known);
        return closest(given, known).map(s -> "did you mean '" + s + "'? (" + list + ")").orElse(list);
    }

    /** Levenshtein distance, with a swap of two neighbouring letters counting as one edit. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
