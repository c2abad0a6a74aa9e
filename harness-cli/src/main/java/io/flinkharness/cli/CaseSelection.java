package io.flinkharness.cli;

import io.flinkharness.run.SqlCase;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which loaded cases {@code run} runs: those whose name matches one of the {@code --name} patterns (a part of the
 * name, case-insensitive; {@code *} and {@code ?} as wildcards) and that carry one of the {@code --tag}s. No
 * pattern or no tag selects every case on that count.
 */
record CaseSelection(List<String> names, List<String> tags) {
    CaseSelection {
        names = List.copyOf(names);
        tags = List.copyOf(tags);
    }

    boolean selects(SqlCase c) {
        boolean named = names.isEmpty() || names.stream().anyMatch(n -> matches(n, c.name()));
        boolean tagged = tags.isEmpty() || tags.stream().anyMatch(c.tags()::contains);
        return named && tagged;
    }

    boolean selectsAll() {
        return names.isEmpty() && tags.isEmpty();
    }

    private static boolean matches(String pattern, String name) {
        StringBuilder regex = new StringBuilder(".*");
        for (char ch : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return name.toLowerCase(Locale.ROOT).matches(regex.append(".*").toString());
    }

    @Override
    public String toString() {
        return (names.isEmpty() ? "" : "--name " + String.join(", ", names))
                + (names.isEmpty() || tags.isEmpty() ? "" : " and ")
                + (tags.isEmpty() ? "" : "--tag " + String.join(", ", tags));
    }
}
