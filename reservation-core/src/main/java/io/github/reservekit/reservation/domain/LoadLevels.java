package io.github.reservekit.reservation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many units of one resource are taken at each instant, as a step function: each key is an instant where the
 * load changes, its value the load from there to the next key (0 before the first). Adding, removing and asking for
 * the largest load over a slot cost time in proportion to the steps within that slot, never to all reservations of
 * the resource. Used by a placement's check, the fold's capacity rule and "what is free". Not thread-safe: one thread
 * builds and reads it.
 */
public final class LoadLevels {

    /** No unit taken anywhere. */
    public LoadLevels() {}

    private final TreeMap<Instant, Integer> levels = new TreeMap<>();

    /** The largest load at any instant of {@code [from, to)}. */
    public int maxOver(Instant from, Instant to) {
        var atStart = levels.floorEntry(from);
        int max = atStart == null ? 0 : atStart.getValue();
        for (int level : levels.subMap(from, false, to, false).values()) {
            max = Math.max(max, level);
        }
        return max;
    }

    /**
     * The first instant at or after {@code from} where the load is largest, with that load; empty when nothing is
     * taken from {@code from} on.
     */
    public Optional<Map.Entry<Instant, Integer>> peakFrom(Instant from) {
        Map.Entry<Instant, Integer> peak = null;
        var atStart = levels.floorEntry(from);
        if (atStart != null && atStart.getValue() > 0) {
            peak = Map.entry(from, atStart.getValue());
        }
        for (var step : levels.tailMap(from, false).entrySet()) {
            if (step.getValue() > 0 && (peak == null || step.getValue() > peak.getValue())) {
                peak = Map.entry(step.getKey(), step.getValue());
            }
        }
        return Optional.ofNullable(peak);
    }

    /**
     * The maximal intervals within {@code [from, to)} where the load is at most {@code maxLoad}, in order, each as
     * its first instant and the first instant after it.
     */
    public List<Map.Entry<Instant, Instant>> atMost(int maxLoad, Instant from, Instant to) {
        var free = new ArrayList<Map.Entry<Instant, Instant>>();
        var atStart = levels.floorEntry(from);
        Instant freeFrom = (atStart == null ? 0 : atStart.getValue()) <= maxLoad ? from : null;
        for (var step : levels.subMap(from, false, to, false).entrySet()) {
            boolean fits = step.getValue() <= maxLoad;
            if (fits && freeFrom == null) {
                freeFrom = step.getKey();
            } else if (!fits && freeFrom != null) {
                free.add(Map.entry(freeFrom, step.getKey()));
                freeFrom = null;
            }
        }
        if (freeFrom != null) {
            free.add(Map.entry(freeFrom, to));
        }
        return free;
    }

    /** Adds {@code units} (negative to remove them) at every instant of {@code [from, to)}. */
    public void add(Instant from, Instant to, int units) {
        split(from);
        split(to);
        for (Map.Entry<Instant, Integer> step :
                levels.subMap(from, true, to, false).entrySet()) {
            step.setValue(step.getValue() + units);
        }
        mergeIntoPrevious(to);
        mergeIntoPrevious(from);
    }

    /** Whether no unit is taken anywhere (nothing left to keep). */
    public boolean isEmpty() {
        return levels.isEmpty();
    }

    /** How many steps are kept, for tests. */
    int steps() {
        return levels.size();
    }

    private void split(Instant at) {
        if (!levels.containsKey(at)) {
            var before = levels.floorEntry(at);
            levels.put(at, before == null ? 0 : before.getValue());
        }
    }

    private void mergeIntoPrevious(Instant at) {
        Integer level = levels.get(at);
        if (level == null) {
            return;
        }
        var before = levels.lowerEntry(at);
        if ((before == null ? 0 : before.getValue()) == level) {
            levels.remove(at);
        }
    }
}
