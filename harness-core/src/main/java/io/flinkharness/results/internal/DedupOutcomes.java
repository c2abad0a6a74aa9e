package io.flinkharness.results.internal;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.WatermarkBounds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per key, the records Flink 2.2's event-time deduplication ({@code ROW_NUMBER() OVER (PARTITION BY key ORDER BY
 * rowtime) = 1}, without mini-batch) can keep, worked out from the labelled input. Not part of the public API.
 *
 * <ul>
 *   <li>Keep first ({@code ASC}, an insert-only operator): a record whose event time is behind the watermark when
 *       it arrives is dropped; otherwise it replaces the pending record if it is earlier (a tie keeps the
 *       pending one); the pending record is emitted when the watermark reaches its event time, and later
 *       records of the key are ignored.</li>
 *   <li>Keep last ({@code DESC}, an updating operator): the largest event time, a tie going to the record that
 *       arrives last; nothing is dropped.</li>
 * </ul>
 *
 * Where the watermark at a record's arrival is not known exactly (several partitions, periodic emission), or a
 * key's records are spread over several partitions (so their order of arrival is not known), every outcome is
 * possible and listed; an empty outcome means no row for the key.
 */
public final class DedupOutcomes {
    private DedupOutcomes() {
    }

    /** A state of the keep-first operator for one key: the pending record (or none) and whether it was emitted. */
    private record State(GeneratedRecord pending, boolean emitted) {
    }

    /** Key value to the possible kept records (empty: no row), keys in order of first arrival. */
    public static Map<Object, List<Optional<GeneratedRecord>>> first(GeneratedData input, String keyField) {
        Map<Object, List<Optional<GeneratedRecord>>> outcomes = new LinkedHashMap<>();
        byKey(input, keyField).forEach((key, records) -> outcomes.put(key, spread(records)
                ? anyNotSurelyLate(records) : first(records)));
        return outcomes;
    }

    /** Key value to the possible kept records, keys in order of first arrival. */
    public static Map<Object, List<Optional<GeneratedRecord>>> last(GeneratedData input, String keyField) {
        Map<Object, List<Optional<GeneratedRecord>>> outcomes = new LinkedHashMap<>();
        byKey(input, keyField).forEach((key, records) -> {
            Instant latest = records.stream().map(GeneratedRecord::eventTime).max(Instant::compareTo).orElseThrow();
            List<GeneratedRecord> tied = records.stream().filter(r -> r.eventTime().equals(latest)).toList();
            Set<Optional<GeneratedRecord>> kept = new LinkedHashSet<>();
            if (spread(tied)) {
                tied.forEach(r -> kept.add(Optional.of(r)));
            } else {
                kept.add(Optional.of(tied.get(tied.size() - 1)));
            }
            outcomes.put(key, new ArrayList<>(kept));
        });
        return outcomes;
    }

    private static Map<Object, List<GeneratedRecord>> byKey(GeneratedData input, String keyField) {
        Map<Object, List<GeneratedRecord>> byKey = new LinkedHashMap<>();
        for (GeneratedRecord record : input) {
            byKey.computeIfAbsent(record.value().get(keyField), k -> new ArrayList<>()).add(record);
        }
        return byKey;
    }

    private static boolean spread(List<GeneratedRecord> records) {
        return records.stream().map(GeneratedRecord::partition).distinct().count() > 1;
    }

    /** The keep-first operator run over one key's records in arrival order, branching where timing is unknown. */
    private static List<Optional<GeneratedRecord>> first(List<GeneratedRecord> records) {
        Set<State> states = new LinkedHashSet<>();
        states.add(new State(null, false));
        for (GeneratedRecord record : records) {
            WatermarkBounds watermark = record.label().watermarkOnArrival();
            Set<State> next = new LinkedHashSet<>();
            for (State state : states) {
                for (State fired : fire(state, watermark)) {
                    next.addAll(process(fired, record, watermark));
                }
            }
            states = next;
        }
        Set<Optional<GeneratedRecord>> kept = new LinkedHashSet<>();
        states.forEach(s -> kept.add(Optional.ofNullable(s.pending())));
        return new ArrayList<>(kept);
    }

    /** The pending record is emitted once the watermark reaches its event time. */
    private static List<State> fire(State state, WatermarkBounds watermark) {
        if (state.pending() == null || state.emitted()) {
            return List.of(state);
        }
        Instant due = state.pending().eventTime();
        State emitted = new State(state.pending(), true);
        if (watermark.surelyAtOrPast(due)) {
            return List.of(emitted);
        }
        return watermark.possiblyAtOrPast(due) ? List.of(state, emitted) : List.of(state);
    }

    private static List<State> process(State state, GeneratedRecord record, WatermarkBounds watermark) {
        if (state.emitted()) {
            return List.of(state);
        }
        State taken = state.pending() == null || record.eventTime().isBefore(state.pending().eventTime())
                ? new State(record, false) : state;
        // dropped when its event time is behind the watermark: watermark > event time
        Instant justAfter = record.eventTime().plusNanos(1);
        if (watermark.surelyAtOrPast(justAfter)) {
            return List.of(state);
        }
        return watermark.possiblyAtOrPast(justAfter) ? List.of(state, taken) : List.of(taken);
    }

    /** A key spread over partitions: any of its records that may arrive in time, or none. */
    private static List<Optional<GeneratedRecord>> anyNotSurelyLate(List<GeneratedRecord> records) {
        List<Optional<GeneratedRecord>> out = new ArrayList<>();
        boolean allMaybeLate = true;
        for (GeneratedRecord r : records) {
            WatermarkBounds watermark = r.label().watermarkOnArrival();
            if (!watermark.surelyAtOrPast(r.eventTime().plusNanos(1))) {
                out.add(Optional.of(r));
            }
            allMaybeLate &= watermark.possiblyAtOrPast(r.eventTime().plusNanos(1));
        }
        if (allMaybeLate) {
            out.add(Optional.empty());
        }
        return out;
    }
}
