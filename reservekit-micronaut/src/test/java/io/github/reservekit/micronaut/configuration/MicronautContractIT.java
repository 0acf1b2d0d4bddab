package io.github.reservekit.micronaut.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.ContractTarget;
import io.github.reservekit.contract.HttpContractSuite;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import io.micronaut.configuration.kafka.health.KafkaHealthIndicator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A small Micronaut app that is only this module and an {@code application.yml} (the test class path's) against
 * the shared HTTP contract suite, unchanged, on a real Kafka broker in this JVM, plus the
 * few checks that are the shell's own (dead letters, the event view, metrics), as in spring-app's.
 */
class MicronautContractIT extends HttpContractSuite {

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
                await("the app UP again after Kafka came back")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> api().get("/health").status() == 200);
            }
        };
    }

    @Test
    void health_says_which_topic_it_checked() {
        var health = api().get("/health");

        assertThat(health.json()
                        .path("details")
                        .path("kafkaPublishing")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void micronaut_kafkas_own_health_indicator_works_on_the_projects_kafka_clients() throws Exception {
        try (var context = ApplicationContext.run(Map.of(
                "kafka.bootstrap.servers",
                kafka.bootstrapServers(),
                "kafka.health.enabled",
                true,
                "reservekit.events.group-id",
                "health-indicator-check"))) {
            HealthIndicator indicator = context.getBean(KafkaHealthIndicator.class);

            var result = new CompletableFuture<HealthResult>();
            indicator.getResult().subscribe(new Subscriber<HealthResult>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    subscription.request(1);
                }

                @Override
                public void onNext(HealthResult health) {
                    result.complete(health);
                }

                @Override
                public void onError(Throwable failure) {
                    result.completeExceptionally(failure);
                }

                @Override
                public void onComplete() {
                    result.complete(null);
                }
            });

            var health = result.get(30, TimeUnit.SECONDS);
            assertThat(health.getStatus())
                    .as(String.valueOf(health.getDetails()))
                    .isEqualTo(HealthStatus.UP);
        }
    }
}
