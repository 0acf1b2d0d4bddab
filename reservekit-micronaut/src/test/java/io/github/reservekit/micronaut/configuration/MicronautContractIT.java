package io.github.reservekit.micronaut.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.contract.HttpContractSuite;
import io.github.reservekit.contract.ShellUnderTest;
import io.github.reservekit.micronaut.configuration.testing.MicronautTestApps;
import io.micronaut.configuration.kafka.health.KafkaHealthIndicator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A small Micronaut app that is only this module and an {@code application.yml} (the test class path's) against
 * the shared HTTP contract suite, unchanged, on a real Kafka broker in this JVM, plus the
 * few checks that are the shell's own (dead letters, the event view, metrics), as in spring-app's.
 */
class MicronautContractIT extends HttpContractSuite {

    /** The app, with a short publish timeout so the outage tests answer 503 quickly. */
    @RegisterExtension
    static final ShellUnderTest shell =
            MicronautTestApps.shellUnderTest("the app", Map.of("reservekit.publish-timeout", "3s"));

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
                shell.bootstrapServers(),
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
