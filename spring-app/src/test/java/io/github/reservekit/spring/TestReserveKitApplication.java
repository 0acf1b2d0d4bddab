package io.github.reservekit.spring;

import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The zero-setup run ({@code ./mvnw -pl spring-app -am test-compile spring-boot:test-run}): when no
 * {@code spring.kafka.bootstrap-servers} is configured (argument, system property or environment), it starts a
 * real single-node Kafka broker in this JVM first. It lives in the test sources, so broker jars never enter the
 * application's jar.
 */
public final class TestReserveKitApplication {

    private static final String BOOTSTRAP = "spring.kafka.bootstrap-servers";

    public static void main(String[] args) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        if (environment.getProperty(BOOTSTRAP) == null) {
            System.out.println("No " + BOOTSTRAP + " configured: starting a Kafka broker in this JVM...");
            var kafka = InJvmKafkaCluster.single();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-embedded-kafka"));
            System.setProperty(BOOTSTRAP, kafka.bootstrapServers());
            System.out.println(
                    "Kafka is up at " + kafka.bootstrapServers() + " (data is deleted on exit). Watch it with:");
            System.out.println("  bin/kafka-console-consumer --bootstrap-server " + kafka.bootstrapServers()
                    + " --topic reserve --from-beginning --property print.headers=true");
        }
        SpringApplication.run(ReserveKitSpringApplication.class, args);
    }
}
