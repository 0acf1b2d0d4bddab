package io.github.reservekit.spring;

import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.ApiClient;
import io.github.reservekit.contract.TopicDecidesSuite;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** spring-app against the shared system-of-record suite: real restarts and two instances on one real broker. */
class SpringSystemOfRecordIT extends TopicDecidesSuite {

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
        var context = SpringApplication.run(
                ReserveKitSpringApplication.class,
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--reservekit.events.group-id=view-" + UUID.randomUUID());
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        // The app starts at once; ReserveKit serves once its follower has replayed the topic.
        await().atMost(Duration.ofMinutes(1))
                .until(() -> context.getBean(ReserveKitKafka.class).follower().isCaughtUp());
        var api = new ApiClient(URI.create("http://localhost:" + port));
        return new Instance() {
            @Override
            public ApiClient api() {
                return api;
            }

            @Override
            public void close() {
                context.close();
            }
        };
    }

    @Override
    protected String readinessPath() {
        return "/actuator/health/readiness";
    }

    @Override
    protected String prometheusPath() {
        return "/actuator/prometheus";
    }
}
