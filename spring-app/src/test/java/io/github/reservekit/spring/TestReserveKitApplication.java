package io.github.reservekit.spring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.devrun.DevRun;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The dev run ({@code bin/run-spring}, or {@code ./mvnw -pl spring-app -am test-compile spring-boot:test-run}):
 * when no {@code spring.kafka.bootstrap-servers} is configured (argument, system property or environment), it
 * first starts a real Kafka broker in this JVM, on {@code localhost:9092} when free, keeping its data across
 * runs ({@code --reset} deletes it first). Then the app, then one banner saying where everything is. Ctrl-C
 * stops the app, then the broker. It lives in the test sources, so broker jars never enter the application's
 * jar.
 */
public final class TestReserveKitApplication {

    private static final String BOOTSTRAP = "spring.kafka.bootstrap-servers";

    public static void main(String[] args) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(DevRun.withoutReset(args)));
        var configured = Optional.ofNullable(environment.getProperty(BOOTSTRAP));
        // Before Spring configures logging, Logback's default prints everything at DEBUG. Spring then keeps the
        // broker's loggers at WARN, as the dev run leaves them, through the default properties below.
        setLevel(org.slf4j.Logger.ROOT_LOGGER_NAME, "INFO");
        var run = DevRun.startOrExit(
                "spring-app", "bin/run-spring", args, configured, BOOTSTRAP, TestReserveKitApplication::setLevel);
        var application = new SpringApplication(ReserveKitSpringApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        for (String logger : DevRun.KAFKA_LOGGERS) {
            defaults.put("logging.level." + logger, "WARN");
        }
        application.setDefaultProperties(defaults);
        // One hook that stops the app before the broker: Spring's own hook would run alongside the broker's stop.
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext app;
        try {
            app = application.run(run.appArgs());
        } catch (RuntimeException failure) {
            run.close();
            throw failure;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, run), "stop-app-then-kafka"));
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        // The app starts at once and ReserveKit serves once its follower has replayed the topic: the banner waits
        // for that (at most a minute: an unreachable cluster of your own leaves readiness DOWN, and says so).
        app.getBean(ReserveKitKafka.class).follower().awaitCaughtUp(Duration.ofMinutes(1));
        run.printBanner(URI.create("http://localhost:" + port), "/actuator/health");
    }

    private static void stop(ConfigurableApplicationContext app, DevRun run) {
        try {
            app.close();
        } finally {
            run.close();
        }
    }

    private static void setLevel(String logger, String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(logger).setLevel(Level.toLevel(level));
        }
    }
}
