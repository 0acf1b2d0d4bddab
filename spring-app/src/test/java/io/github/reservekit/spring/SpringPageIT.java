package io.github.reservekit.spring;

import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.ApiClient;
import io.github.reservekit.contract.ContractTarget;
import io.github.reservekit.contract.PageSuite;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** spring-app serves the page, which works in a real headless browser, on a real Kafka broker in this JVM. */
class SpringPageIT extends PageSuite {

    private InJvmKafkaCluster kafka;
    private ConfigurableApplicationContext app;
    private URI baseUri;

    @BeforeAll
    void startKafkaAndApp() {
        kafka = InJvmKafkaCluster.single();
        app = SpringApplication.run(
                ReserveKitSpringApplication.class,
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--reservekit.publish-timeout=3s");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        // The app starts at once; ReserveKit serves once its follower has replayed the topic.
        await().atMost(Duration.ofMinutes(1))
                .until(() -> app.getBean(ReserveKitKafka.class).follower().isCaughtUp());
        baseUri = URI.create("http://localhost:" + port);
    }

    @AfterAll
    void stopAppAndKafka() {
        if (app != null) {
            app.close();
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
                return baseUri;
            }

            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public String healthPath() {
                return "/actuator/health";
            }

            @Override
            public String metricsPath() {
                return "/actuator/prometheus";
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
                await("spring-app UP again after Kafka came back")
                        .atMost(Duration.ofSeconds(60))
                        .until(() ->
                                new ApiClient(baseUri).get("/actuator/health").status() == 200);
            }
        };
    }
}
