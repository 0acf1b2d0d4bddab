package io.github.reservekit.micronaut;

import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.ApiClient;
import io.github.reservekit.contract.ContractTarget;
import io.github.reservekit.contract.PageSuite;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * micronaut-app serves the same page as spring-app (reservation-http's page, from the module's DocumentsController
 * under ReserveKit's prefix), which works in a real headless browser, on a real Kafka broker.
 */
class MicronautPageIT extends PageSuite {

    private InJvmKafkaCluster kafka;
    private EmbeddedServer server;

    @BeforeAll
    void startKafkaAndApp() {
        kafka = InJvmKafkaCluster.single();
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "kafka.bootstrap.servers",
                        kafka.bootstrapServers(),
                        "reservekit.publish-timeout",
                        "3s"));
        // The app starts at once; ReserveKit serves once its follower has replayed the topic.
        await().atMost(Duration.ofMinutes(1))
                .until(() -> server.getApplicationContext()
                        .getBean(ReserveKitKafka.class)
                        .follower()
                        .isCaughtUp());
    }

    @AfterAll
    void stopAppAndKafka() {
        if (server != null) {
            server.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    protected ContractTarget target() {
        return new ContractTarget() {
            @Override
            public URI baseUri() {
                return server.getURI();
            }

            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public String healthPath() {
                return "/health";
            }

            @Override
            public String metricsPath() {
                return "/prometheus";
            }

            @Override
            public boolean canStopKafka() {
                return true;
            }

            @Override
            public void stopKafka() {
                kafka.brokerIds().forEach(kafka::stopBroker);
            }

            @Override
            public void startKafka() {
                kafka.stoppedBrokerIds().forEach(kafka::startBroker);
                await("micronaut-app UP again after Kafka came back")
                        .atMost(Duration.ofSeconds(60))
                        .until(() ->
                                new ApiClient(server.getURI()).get("/health").status() == 200);
            }
        };
    }
}
