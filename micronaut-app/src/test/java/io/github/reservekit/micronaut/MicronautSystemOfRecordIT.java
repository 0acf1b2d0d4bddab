package io.github.reservekit.micronaut;

import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.ApiClient;
import io.github.reservekit.contract.TopicDecidesSuite;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** micronaut-app against the shared system-of-record suite: real restarts and two instances on one real broker. */
class MicronautSystemOfRecordIT extends TopicDecidesSuite {

    private InJvmKafkaCluster kafka;

    @BeforeAll
    void startKafka() {
        kafka = InJvmKafkaCluster.single();
    }

    @AfterAll
    void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    protected String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    protected Instance startInstance() {
        var server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "kafka.bootstrap.servers",
                        kafka.bootstrapServers(),
                        "reservekit.events.group-id",
                        "view-" + UUID.randomUUID()));
        // The app starts at once; ReserveKit serves once its follower has replayed the topic.
        await().atMost(Duration.ofMinutes(1))
                .until(() -> server.getApplicationContext()
                        .getBean(ReserveKitKafka.class)
                        .follower()
                        .isCaughtUp());
        var api = new ApiClient(server.getURI());
        return new Instance() {
            @Override
            public ApiClient api() {
                return api;
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    @Override
    protected String readinessPath() {
        return "/health/readiness";
    }

    @Override
    protected String prometheusPath() {
        return "/prometheus";
    }
}
