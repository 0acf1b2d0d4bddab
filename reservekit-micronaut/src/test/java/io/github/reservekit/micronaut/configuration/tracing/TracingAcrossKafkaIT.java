package io.github.reservekit.micronaut.configuration.tracing;

import io.github.reservekit.contract.TraceAcrossKafka;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import io.github.reservekit.micronaut.configuration.testing.MicronautTestApps;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A trace started by an HTTP request crosses Kafka in a Micronaut app on the module, with micronaut-tracing's
 * OpenTelemetry (micronaut-tracing-opentelemetry-http) and an in-memory exporter: the record carries the request's
 * trace id in {@code traceparent}, and the follower's handling of it is a span of that trace.
 */
@SharedKafka
class TracingAcrossKafkaIT {

    @Test
    void the_records_trace_id_is_the_http_requests_and_the_follower_continues_it(TestKafka kafka) {
        var topic = "traced-" + UUID.randomUUID();
        var spans = InMemorySpanExporter.create();
        // A span processor bean is added to the tracer provider micronaut-tracing builds.
        try (var server = MicronautTestApps.startAndAwait(
                kafka.bootstrapServers(),
                Map.of("reservekit.topic", topic, "reservekit.partitions", "1"),
                SimpleSpanProcessor.create(spans))) {
            TraceAcrossKafka.check(server.getURI(), kafka.bootstrapServers(), topic, spans);
        }
    }
}
