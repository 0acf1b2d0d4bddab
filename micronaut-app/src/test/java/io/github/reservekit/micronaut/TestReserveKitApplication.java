package io.github.reservekit.micronaut;

import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.CommandLinePropertySource;
import io.micronaut.core.cli.CommandLine;
import io.micronaut.runtime.Micronaut;

/**
 * The zero-setup run (see docs/micronaut-app.md): when no
 * {@code kafka.bootstrap.servers} is configured (argument, system property or environment), it starts a real
 * single-node Kafka broker in this JVM first. It lives in the test sources, so broker jars never enter the
 * application's jar.
 */
public final class TestReserveKitApplication {

    private static final String BOOTSTRAP = "kafka.bootstrap.servers";

    public static void main(String[] args) {
        if (configured(args)) {
            Micronaut.run(Application.class, args);
            return;
        }
        System.out.println("No " + BOOTSTRAP + " configured: starting a Kafka broker in this JVM...");
        var kafka = InJvmKafkaCluster.single();
        System.setProperty(BOOTSTRAP, kafka.bootstrapServers());
        System.out.println("Kafka is up at " + kafka.bootstrapServers() + " (data is deleted on exit). Watch it with:");
        System.out.println("  bin/kafka-console-consumer --bootstrap-server " + kafka.bootstrapServers()
                + " --topic reserve --from-beginning --property print.headers=true");
        ApplicationContext app = Micronaut.run(Application.class, args);
        // Shutdown hooks run concurrently: stop the broker only once the app (its producer, listener and admin
        // client) has stopped, or their close would wait on a broker that is already gone.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfter(app, kafka), "stop-embedded-kafka"));
    }

    private static void stopAfter(ApplicationContext app, InJvmKafkaCluster kafka) {
        try {
            app.close(); // synchronous: the app's clients are closed when it returns
        } finally {
            kafka.close();
        }
    }

    /** Micronaut's own sources for the key: {@code --kafka.bootstrap.servers=}, -D, or KAFKA_BOOTSTRAP_SERVERS. */
    private static boolean configured(String[] args) {
        var fromArgs = new CommandLinePropertySource(CommandLine.parse(args));
        return fromArgs.get(BOOTSTRAP) != null
                || System.getProperty(BOOTSTRAP) != null
                || System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null;
    }
}
