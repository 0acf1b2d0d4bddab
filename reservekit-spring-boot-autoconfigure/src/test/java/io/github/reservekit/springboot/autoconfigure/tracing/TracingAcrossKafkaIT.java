package io.github.reservekit.springboot.autoconfigure.tracing;

import io.github.reservekit.contract.TraceAcrossKafka;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import io.github.reservekit.springboot.autoconfigure.testing.SpringTestApps;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A trace started by an HTTP request crosses Kafka in a Spring Boot app on the starter's auto-configuration, with
 * Spring Boot's own tracing (Micrometer Tracing bridged to OpenTelemetry) and an in-memory exporter: the record
 * carries the request's trace id in {@code traceparent}, and the follower's handling of it is a span of that trace.
 */
@SharedKafka
class TracingAcrossKafkaIT {

    /** The app: Boot's tracing, the starter's auto-configuration, and spans kept in memory. */
    @SpringBootApplication
    static class TracedApp {
        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Test
    void the_records_trace_id_is_the_http_requests_and_the_follower_continues_it(TestKafka kafka) {
        var topic = "traced-" + UUID.randomUUID();
        try (var app = SpringTestApps.startAndAwait(
                TracedApp.class,
                kafka.bootstrapServers(),
                "--reservekit.topic=" + topic,
                "--reservekit.partitions=1",
                "--management.tracing.sampling.probability=1.0")) {
            TraceAcrossKafka.check(
                    SpringTestApps.baseUri(app),
                    kafka.bootstrapServers(),
                    topic,
                    app.getBean(InMemorySpanExporter.class));
        }
    }
}
