package io.github.reservekit.micronaut;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.devrun.DevRun;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.CommandLinePropertySource;
import io.micronaut.core.cli.CommandLine;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The dev run ({@code bin/run-micronaut}, or the {@code ./mvnw ... exec:java} of docs/micronaut-app.md): when no
 * {@code kafka.bootstrap.servers} is configured (argument, system property or environment), it first starts a
 * real Kafka broker in this JVM, on {@code localhost:9092} when free, keeping its data across runs ({@code
 * --reset} deletes it first). Then the app, then one banner saying where everything is. Ctrl-C stops the app,
 * then the broker. It lives in the test sources, so broker jars never enter the application's jar.
 */
public final class TestReserveKitApplication {

    private static final String BOOTSTRAP = "kafka.bootstrap.servers";

    public static void main(String[] args) {
        var run = DevRun.startOrExit(
                "micronaut-app",
                "bin/run-micronaut",
                args,
                configured(args),
                BOOTSTRAP,
                TestReserveKitApplication::setLevel);
        // Not Micronaut.run: its own shutdown hook would stop the app concurrently with the one below, and the
        // two deadlock (each holds the lock the other needs). One hook stops the app, then the broker.
        ApplicationContext app;
        EmbeddedServer server;
        try {
            app = ApplicationContext.builder()
                    .mainClass(Application.class)
                    .args(run.appArgs())
                    .propertySources(new CommandLinePropertySource(CommandLine.parse(run.appArgs())))
                    .start();
            server = app.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException failure) {
            run.close();
            throw failure;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, run, stopped), "stop-app-then-kafka"));
        // The app starts at once and ReserveKit serves once its follower has replayed the topic: the banner waits
        // for that (at most a minute: an unreachable cluster of your own leaves readiness DOWN, and says so).
        app.getBean(ReserveKitKafka.class).follower().awaitCaughtUp(Duration.ofMinutes(1));
        run.printBanner(server.getURI(), "/health");
        // Netty's threads do not keep the JVM alive; this one does, until Ctrl-C.
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(ApplicationContext app, DevRun run, CountDownLatch stopped) {
        try {
            app.close(); // synchronous: the server and the app's clients are closed when it returns
        } finally {
            run.close();
            stopped.countDown();
        }
    }

    private static void setLevel(String logger, String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(logger).setLevel(Level.toLevel(level));
        }
    }

    /** Micronaut's own sources for the key: {@code --kafka.bootstrap.servers=}, -D, or KAFKA_BOOTSTRAP_SERVERS. */
    private static Optional<String> configured(String[] args) {
        Object fromArgs = new CommandLinePropertySource(CommandLine.parse(DevRun.withoutReset(args))).get(BOOTSTRAP);
        if (fromArgs != null) {
            return Optional.of(fromArgs.toString());
        }
        return Optional.ofNullable(System.getProperty(BOOTSTRAP))
                .or(() -> Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")));
    }
}
