package io.github.reservekit.kafkalocal.devrun;

import io.github.reservekit.kafkalocal.injvm.DevKafkaBroker;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the two shells' dev runs ({@code bin/run-spring}, {@code bin/run-micronaut}) share: the broker they
 * start when no Kafka is configured ({@link DevKafkaBroker}, on {@code localhost:9092} when free, its data kept
 * in {@code .kafka-local/dev/<app>} of the repository), the {@value #RESET} argument that deletes that data
 * first, and the one closing banner that says where everything is.
 *
 * <p>Settings, as system properties: {@value #DATA_DIR_PROPERTY} (the data directory) and {@value
 * #PORT_PROPERTY} (the broker's preferred port, 9092; 0 for any free one).
 */
public final class DevRun implements AutoCloseable {

    /** The argument that deletes the dev broker's data before it starts; the app never sees it. */
    public static final String RESET = "--reset";

    public static final String DATA_DIR_PROPERTY = "reservekit.dev.data-dir";
    public static final String PORT_PROPERTY = "reservekit.dev.kafka-port";

    /** Set by {@code bin/lib/run-app} when this JVM will write its class-data archive on exit. */
    public static final String WRITES_CLASS_ARCHIVE_PROPERTY = "reservekit.dev.writes-class-archive";

    /** The broker's loggers (and the clients'), whose levels a dev run sets through {@link LogLevels}. */
    public static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

    /**
     * Sets one logger's level in the app's own logging framework (Logback in both shells; kafka-local depends on
     * none): {@code OFF}, {@code WARN} or {@code ERROR}, names Logback and Log4j both read.
     */
    @FunctionalInterface
    public interface LogLevels {

        void set(String logger, String level);
    }

    private final String app;
    private final String runCommand;
    private final String[] appArgs;
    private final String bootstrapServers;
    private final Optional<DevKafkaBroker> broker;
    private final PrintStream out;
    private final LogLevels logLevels;

    private DevRun(
            String app,
            String runCommand,
            String[] appArgs,
            String bootstrapServers,
            Optional<DevKafkaBroker> broker,
            PrintStream out,
            LogLevels logLevels) {
        this.app = app;
        this.runCommand = runCommand;
        this.appArgs = appArgs;
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.out = out;
        this.logLevels = logLevels;
    }

    /**
     * What both shells' dev mains do first: {@link #start} on standard output, or, when that fails (the broker's
     * port or data directory taken, a bad setting), says why on standard error and exits with status 1. The broker's
     * loggers are off while it starts (it logs routine start-up races, such as a registration before its controller
     * is active, as errors; a start that really fails throws, saying why), at WARN after, and at ERROR while it stops
     * ({@link #close}). A broker this run started is given to the app through the system property {@code
     * bootstrapProperty}.
     *
     * @param bootstrapProperty the app's bootstrap servers key, e.g. {@code spring.kafka.bootstrap-servers}
     * @param logLevels sets a logger's level in the app's logging
     */
    public static DevRun startOrExit(
            String app,
            String runCommand,
            String[] args,
            Optional<String> configuredBootstrapServers,
            String bootstrapProperty,
            LogLevels logLevels) {
        setKafkaLogging(logLevels, "OFF");
        DevRun run;
        try {
            run = start(app, runCommand, args, configuredBootstrapServers, System.out, logLevels);
        } catch (IllegalStateException | IllegalArgumentException cannotStart) {
            System.err.println("ReserveKit: the dev run cannot start: " + cannotStart.getMessage());
            System.exit(1);
            throw cannotStart; // not reached
        } finally {
            setKafkaLogging(logLevels, "WARN");
        }
        if (run.startedBroker()) {
            System.setProperty(bootstrapProperty, run.bootstrapServers());
        }
        return run;
    }

    /**
     * Starts the dev run of {@code app}: with {@code configuredBootstrapServers} empty, starts the dev broker
     * (after deleting its data if {@code args} hold {@value #RESET}) and says where it is; otherwise uses the
     * configured cluster and starts nothing.
     *
     * @param app the module, e.g. {@code spring-app}; names the default data directory
     * @param runCommand the command that starts this dev run, e.g. {@code bin/run-spring}, for the banner
     * @param args the program's arguments
     * @param out where to say what happens (standard output)
     */
    public static DevRun start(
            String app,
            String runCommand,
            String[] args,
            Optional<String> configuredBootstrapServers,
            PrintStream out) {
        return start(app, runCommand, args, configuredBootstrapServers, out, (logger, level) -> {});
    }

    private static DevRun start(
            String app,
            String runCommand,
            String[] args,
            Optional<String> configuredBootstrapServers,
            PrintStream out,
            LogLevels logLevels) {
        Objects.requireNonNull(app, "app");
        boolean reset = Arrays.asList(args).contains(RESET);
        String[] appArgs = withoutReset(args);
        if (configuredBootstrapServers.isPresent()) {
            if (reset) {
                out.println("ReserveKit: " + RESET + " ignored: this run uses the configured Kafka at "
                        + configuredBootstrapServers.get() + " and keeps no data of its own.");
            }
            return new DevRun(
                    app, runCommand, appArgs, configuredBootstrapServers.get(), Optional.empty(), out, logLevels);
        }
        Path dataDir = dataDir(app);
        if (reset) {
            DevKafkaBroker.deleteData(dataDir);
            out.println("ReserveKit: deleted " + dataDir + ": starting with an empty broker.");
        }
        int port = Integer.getInteger(PORT_PROPERTY, DevKafkaBroker.DEFAULT_PORT);
        out.println("ReserveKit: no Kafka configured, starting one in this JVM (data in " + dataDir + ")...");
        var broker = DevKafkaBroker.start(dataDir, port);
        broker.portNotice().ifPresent(notice -> out.println("ReserveKit: " + notice));
        return new DevRun(app, runCommand, appArgs, broker.bootstrapServers(), Optional.of(broker), out, logLevels);
    }

    /** {@code args} without {@value #RESET}: what the app is given, and where it looks for its Kafka settings. */
    public static String[] withoutReset(String[] args) {
        return Arrays.stream(args).filter(arg -> !RESET.equals(arg)).toArray(String[]::new);
    }

    /** The data directory: {@value #DATA_DIR_PROPERTY}, else {@code .kafka-local/dev/<app>} of the repository. */
    public static Path dataDir(String app) {
        String configured = System.getProperty(DATA_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return repositoryRoot().resolve(".kafka-local").resolve("dev").resolve(app);
    }

    /** The program's arguments without {@value #RESET}. */
    public String[] appArgs() {
        return appArgs.clone();
    }

    /** The cluster the app uses: the dev broker's, or the configured one. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether this run started a broker (no Kafka was configured). */
    public boolean startedBroker() {
        return broker.isPresent();
    }

    /**
     * Prints the closing banner: the page, the API, health, where Kafka is and the exact commands to list the
     * topics and watch {@code reserve}.
     *
     * @param baseUri where the app serves, e.g. {@code http://localhost:8080}
     * @param healthPath the app's health path
     */
    public void printBanner(URI baseUri, String healthPath) {
        String base = baseUri.toString().replaceAll("/+$", "");
        String rule = "-".repeat(100);
        var lines = new ArrayList<String>();
        lines.add(rule);
        lines.add(String.format(
                Locale.ROOT, "ReserveKit %s is ready (%.1f s after the JVM started)", app, secondsSinceJvmStart()));
        lines.add("  page     " + base + "/");
        lines.add("  API      " + base + "/reservations   (see README.md for a curl example)");
        lines.add("  health   " + base + healthPath);
        if (broker.isPresent()) {
            var b = broker.get();
            lines.add("  Kafka    " + bootstrapServers + ", one broker in this JVM; "
                    + (b.formattedNow() ? "a new, empty one" : "the data of earlier runs reopened"));
            b.portNotice().ifPresent(notice -> lines.add("           " + notice));
            lines.add("  data     " + b.dataDir() + " (kept across restarts; " + runCommand + " " + RESET
                    + " starts afresh)");
        } else {
            lines.add("  Kafka    " + bootstrapServers + " (configured: this run starts no broker)");
        }
        lines.add("  topics   bin/kafka-topics --bootstrap-server " + firstServer() + " --list");
        lines.add("  watch    bin/kafka-console-consumer --bootstrap-server " + firstServer()
                + " --topic reserve --from-beginning --property print.headers=true");
        lines.add(
                broker.isPresent()
                        ? "Ctrl-C stops the app, then the broker."
                        : "Ctrl-C stops the app; the configured Kafka keeps running.");
        lines.add(rule);
        lines.forEach(out::println);
    }

    /** Stops the dev broker, if this run started one, keeping its data. Call it after the app has stopped. */
    @Override
    public void close() {
        broker.ifPresent(b -> {
            // The broker's own shutdown warns about connections it is closing itself.
            setKafkaLogging(logLevels, "ERROR");
            b.close();
            out.println("ReserveKit: Kafka broker stopped; its data stays in " + b.dataDir());
        });
        if (Boolean.getBoolean(WRITES_CLASS_ARCHIVE_PROPERTY)) {
            out.println("ReserveKit: the JVM now writes its class-data archive, which makes the next starts faster"
                    + " (once after each build; a few seconds)...");
        }
    }

    private static void setKafkaLogging(LogLevels logLevels, String level) {
        KAFKA_LOGGERS.forEach(logger -> logLevels.set(logger, level));
    }

    private String firstServer() {
        return bootstrapServers.split(",")[0].trim();
    }

    private static double secondsSinceJvmStart() {
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        return Duration.ofMillis(System.currentTimeMillis() - started).toMillis() / 1000.0;
    }

    /** The nearest directory up from the working directory that holds the Maven wrapper; else the working one. */
    private static Path repositoryRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("kafka-local"))) {
                return dir;
            }
        }
        return cwd;
    }
}
