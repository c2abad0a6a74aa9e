package io.flinkharness.oracle.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem with an oracle's settings, found before anything is computed, thrown together. Not part of the
 * public API.
 */
public final class Problems {
    private final List<String> problems = new ArrayList<>();

    public void add(String problem) {
        problems.add(problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * Throws an {@link IllegalArgumentException}: the problem itself if there is one, else each on its own line.
     *
     * @param oracle the oracle, for a message with several problems
     */
    public void throwIfAny(String oracle) {
        if (problems.size() == 1) {
            throw new IllegalArgumentException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() + " problems with " + oracle + ":\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
