package io.github.reservekit.micronaut.configuration.testing;

import io.github.reservekit.contract.RunningApp;
import io.github.reservekit.contract.ShellPaths;
import io.github.reservekit.contract.ShellUnderTest;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a Micronaut app with ReserveKit for an integration test: the embedded server on a free port, on the test's
 * Kafka, with the test's own settings besides. Shared (through this module's test jar) by the tests of
 * micronaut-app and the user apps.
 */
public final class MicronautTestApps {

    private MicronautTestApps() {}

    /**
     * The app as the shells' contract tests take it ({@code @RegisterExtension}): on a broker of its own, started
     * before the class's tests and stopped after them.
     */
    public static ShellUnderTest shellUnderTest(String name, Map<String, Object> settings) {
        return new ShellUnderTest(name, ShellPaths.MICRONAUT, bootstrapServers -> start(bootstrapServers, settings));
    }

    /** Starts the app publishing to {@code bootstrapServers}; returns at once (ReserveKit may still replay). */
    public static RunningApp start(String bootstrapServers, Map<String, Object> settings) {
        return running(run(bootstrapServers, settings));
    }

    /**
     * Starts the app publishing to {@code bootstrapServers}, with the test's own {@code beans} (singletons, found by
     * any type they implement) among its beans; returns once ReserveKit serves.
     */
    public static EmbeddedServer startAndAwait(String bootstrapServers, Map<String, Object> settings, Object... beans) {
        var server = run(bootstrapServers, settings, beans);
        running(server).awaitCaughtUp();
        return server;
    }

    private static EmbeddedServer run(String bootstrapServers, Map<String, Object> settings, Object... beans) {
        var all = new HashMap<String, Object>(settings);
        all.put("micronaut.server.port", -1);
        all.put("kafka.bootstrap.servers", bootstrapServers);
        return ApplicationContext.builder().properties(all).singletons(beans).run(EmbeddedServer.class);
    }

    private static RunningApp running(EmbeddedServer server) {
        return new RunningApp(
                server.getURI(),
                () -> server.getApplicationContext()
                        .getBean(ReserveKitKafka.class)
                        .follower()
                        .isCaughtUp(),
                server);
    }
}
