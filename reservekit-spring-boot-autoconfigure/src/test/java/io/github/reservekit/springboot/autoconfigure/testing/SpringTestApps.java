package io.github.reservekit.springboot.autoconfigure.testing;

import io.github.reservekit.contract.RunningApp;
import io.github.reservekit.contract.ShellPaths;
import io.github.reservekit.contract.ShellUnderTest;
import io.github.reservekit.kafka.ReserveKitKafka;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Spring Boot app with ReserveKit for an integration test: on a free port, on the test's Kafka, with the
 * test's own arguments besides. Shared (through this module's test jar) by the tests of the starter and spring-app.
 */
public final class SpringTestApps {

    private SpringTestApps() {}

    /**
     * {@code app} as the shells' contract tests take it ({@code @RegisterExtension}): on a broker of its own, started
     * before the class's tests and stopped after them.
     */
    public static ShellUnderTest shellUnderTest(String name, Class<?> app, String... arguments) {
        return new ShellUnderTest(name, ShellPaths.SPRING, bootstrapServers -> start(app, bootstrapServers, arguments));
    }

    /** Starts {@code app} publishing to {@code bootstrapServers}; returns at once (ReserveKit may still replay). */
    public static RunningApp start(Class<?> app, String bootstrapServers, String... arguments) {
        return running(run(app, bootstrapServers, arguments));
    }

    /** Starts {@code app} publishing to {@code bootstrapServers}; returns once ReserveKit serves. */
    public static ConfigurableApplicationContext startAndAwait(
            Class<?> app, String bootstrapServers, String... arguments) {
        var context = run(app, bootstrapServers, arguments);
        running(context).awaitCaughtUp();
        return context;
    }

    /** Where the app's web server serves. */
    public static URI baseUri(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://localhost:" + port);
    }

    private static ConfigurableApplicationContext run(Class<?> app, String bootstrapServers, String... arguments) {
        var all = new ArrayList<>(List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrapServers));
        all.addAll(List.of(arguments));
        return SpringApplication.run(app, all.toArray(String[]::new));
    }

    private static RunningApp running(ConfigurableApplicationContext context) {
        return new RunningApp(
                baseUri(context),
                () -> context.getBean(ReserveKitKafka.class).follower().isCaughtUp(),
                context);
    }
}
