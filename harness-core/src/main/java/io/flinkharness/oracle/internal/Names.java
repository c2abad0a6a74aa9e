package io.flinkharness.oracle.internal;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" for misspelt field and column names. Not part of the public API. */
final class Names {
    private Names() {
    }

    /** {@code did you mean 'amount'? (fields: a, b)} or {@code fields: a, b}. */
    static String didYouMean(String given, Collection<String> known, String knownLabel) {
        String list = knownLabel + ": " + String.join(", ", known);
        String wanted = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String name = candidate.toLowerCase(Locale.ROOT);
            // an abbreviation ("usr" for "user_id") counts as one edit
            int d = abbreviates(wanted, name) ? 1 : distance(wanted, name);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        boolean close = best != null && bestDistance <= Math.max(1, given.length() / 3);
        return close ? "did you mean '" + best + "'? (" + list + ")" : list;
    }

    /** Whether {@code given} has the first letter of {@code name} and the rest of its letters in order. */
    private static boolean abbreviates(String given, String name) {
        if (given.isEmpty() || name.isEmpty() || given.charAt(0) != name.charAt(0) || given.length() >= name.length()) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < name.length() && at < given.length(); i++) {
            if (name.charAt(i) == given.charAt(at)) {
                at++;
            }
        }
        return at == given.length();
    }

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
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
