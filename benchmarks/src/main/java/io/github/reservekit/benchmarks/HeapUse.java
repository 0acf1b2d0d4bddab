package io.github.reservekit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/** What the heap holds: used bytes after full collections, and instances and bytes by class. */
final class HeapUse {

    private HeapUse() {}

    /** Used heap after full collections, repeated until it stops shrinking (at most 10 times). */
    static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous - 64 * 1024) {
                return Math.min(used, previous);
            }
            previous = used;
        }
        return previous;
    }

    /** {@code jcmd <pid> GC.class_histogram}, in-process: class name to {instances, bytes}. */
    static Map<String, long[]> histogram() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        String text = (String) server.invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram",
                new Object[] {new String[0]},
                new String[] {String[].class.getName()});
        var classes = new HashMap<String, long[]>();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                classes.put(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        return classes;
    }

    static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int held) {
        var growth = new ArrayList<Map.Entry<String, long[]>>();
        after.forEach((name, counts) -> {
            long[] earlier = before.getOrDefault(name, new long[2]);
            growth.add(Map.entry(name, new long[] {counts[0] - earlier[0], counts[1] - earlier[1]}));
        });
        growth.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        System.out.println("Heap growth by class during the cold replay (GC.class_histogram after minus before):");
        List<Map.Entry<String, long[]>> top = growth.subList(0, Math.min(15, growth.size()));
        for (var entry : top) {
            System.out.printf(
                    Locale.ROOT,
                    "  %,14d bytes %,11d instances %7.1f bytes/reservation  %s%n",
                    entry.getValue()[1],
                    entry.getValue()[0],
                    entry.getValue()[1] / (double) held,
                    entry.getKey());
        }
    }
}
