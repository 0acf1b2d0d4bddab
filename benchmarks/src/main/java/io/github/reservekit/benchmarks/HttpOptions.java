package io.github.reservekit.benchmarks;

import io.github.reservekit.benchmarks.BenchmarkedShell.Shell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link HttpBenchmark}'s command line (its Javadoc lists the options). */
record HttpOptions(
        Shell shell,
        List<Integer> rates,
        Duration duration,
        Duration warmup,
        String bootstrapServers,
        int basePort,
        int port,
        List<String> jvm,
        String jar,
        boolean baseline,
        boolean baselineOnly,
        int killLeaderAt,
        double stopP99,
        List<Integer> burst, // warm rate, burst rate, burst seconds; null: the rates instead
        Duration recover,
        boolean noFloor) {

    /** The run's first line: which shell, what load, the shell's JVM options. */
    String banner() {
        if (burst != null) {
            return String.format(
                    Locale.ROOT,
                    "benchmark-http: %s, burst: %d s at %d/s, %d s at %d/s, %d s at %d/s (after a %d s warm-up),"
                            + " shell JVM options %s",
                    shell.displayName(),
                    warmup.toSeconds(),
                    burst.get(0),
                    burst.get(2),
                    burst.get(1),
                    recover.toSeconds(),
                    burst.get(0),
                    warmup.toSeconds(),
                    jvm);
        }
        return String.format(
                Locale.ROOT,
                "benchmark-http: %s, rates %s POSTs/s, %d s each after a %d s warm-up, shell JVM options %s",
                shell.displayName(),
                rates,
                duration.toSeconds(),
                warmup.toSeconds(),
                jvm);
    }

    static HttpOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean baseline = true;
        boolean baselineOnly = false;
        boolean noFloor = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--no-baseline" -> baseline = false;
                case "--baseline-only" -> baselineOnly = true;
                case "--no-floor" -> noFloor = true;
                case "--shell",
                        "--rates",
                        "--duration",
                        "--warmup",
                        "--bootstrap-server",
                        "--base-port",
                        "--port",
                        "--jvm",
                        "--jar",
                        "--kill-leader-at",
                        "--burst",
                        "--recover",
                        "--stop-p99" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    values.put(args[i], args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!values.containsKey("--shell")) {
            throw new IllegalArgumentException("--shell spring|micronaut is required");
        }
        var rates = Arrays.stream(
                        values.getOrDefault("--rates", "100,500,1000,1500,2000").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .sorted()
                .toList();
        String jvm = values.getOrDefault("--jvm", "").trim();
        return new HttpOptions(
                Shell.named(values.get("--shell")),
                rates,
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("--duration", "20"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("--warmup", "10"))),
                values.get("--bootstrap-server"),
                Integer.parseInt(values.getOrDefault("--base-port", "29092")),
                Integer.parseInt(values.getOrDefault("--port", "18080")),
                jvm.isEmpty() ? List.of() : new ArrayList<>(List.of(jvm.split("\\s+"))),
                values.get("--jar"),
                baseline || baselineOnly,
                baselineOnly,
                Integer.parseInt(values.getOrDefault("--kill-leader-at", "0")),
                Double.parseDouble(values.getOrDefault("--stop-p99", "2000")),
                burst(values.get("--burst")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("--recover", "30"))),
                noFloor);
    }

    private static List<Integer> burst(String value) {
        if (value == null) {
            return null;
        }
        var parts = Arrays.stream(value.split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        if (parts.size() != 3) {
            throw new IllegalArgumentException("--burst takes WARM,BURST,SECONDS, e.g. 100,1000,20");
        }
        return parts;
    }
}
