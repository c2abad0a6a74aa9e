package io.flinkharness.run;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Ids unique per run of a case, readable in topic names: {@code tumble-window-counts-3f2a9c}. */
final class CaseIds {
    private static final int MAX_SLUG = 32;

    private CaseIds() {
    }

    static String next(String caseName) {
        String slug = caseName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-$", "");
        }
        String suffix = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        return slug.isEmpty() ? suffix : slug + "-" + suffix;
    }
}
