package io.flinkharness.oracle.internal;

import io.flinkharness.data.GeneratedRecord;
import java.util.ArrayList;
import java.util.List;

/** One window and group key: the records counted, dropped and uncertain, and the aggregates so far. */
final class Group {
    /** A window and the grouping key of the group's key values. */
    record Id(Window window, List<Object> key) {
    }

    final Window window;
    final List<Object> key;
    final Aggregates.Accumulator[] accumulators;
    final List<GeneratedRecord> counted = new ArrayList<>();
    final List<GeneratedRecord> dropped = new ArrayList<>();
    final List<GeneratedRecord> uncertain = new ArrayList<>();

    Group(Window window, List<Object> key, WindowPlan plan) {
        this.window = window;
        this.key = key;
        List<AggregateSpec> specs = plan.query.aggregates();
        this.accumulators = new Aggregates.Accumulator[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            FieldRef argument = plan.arguments.get(i);
            accumulators[i] = Aggregates.accumulator(specs.get(i).kind(), argument == null ? null : argument.type(),
                    plan.resultTypes.get(i));
        }
    }

    void add(GeneratedRecord record, Object[] arguments, Arrival arrival) {
        switch (arrival) {
            case BEFORE -> {
                counted.add(record);
                for (int i = 0; i < accumulators.length; i++) {
                    accumulators[i].add(arguments[i]);
                }
            }
            case AT_OR_PAST -> dropped.add(record);
            case EITHER -> uncertain.add(record);
            default -> throw new IllegalStateException(arrival.name());
        }
    }

    /** Why the group's result depends on timing. */
    String reason(String cause) {
        StringBuilder out = new StringBuilder("the window fires when the watermark reaches ")
                .append(window.firesAt()).append(", and ")
                .append(Records.plural(uncertain.size(), "record", "records"))
                .append(" may arrive before or after that: ");
        out.append(String.join(", ", uncertain.stream().limit(3).map(Records::describe).toList()));
        if (uncertain.size() > 3) {
            out.append(" and ").append(uncertain.size() - 3).append(" more");
        }
        return out.append(" — it depends on ").append(cause).toString();
    }
}
