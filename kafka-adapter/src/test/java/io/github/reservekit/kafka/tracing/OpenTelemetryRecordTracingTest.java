package io.github.reservekit.kafka.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafka.write.ProducerSettings;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace of the caller travels in the record's W3C headers and the follower's handling continues it. */
class OpenTelemetryRecordTracingTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final RecordTracing tracing = OpenTelemetryRecordTracing.of(openTelemetry);
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    @AfterEach
    void close() {
        openTelemetry.close();
    }

    @Test
    void a_publish_inside_a_span_writes_its_trace_into_the_traceparent_header_and_the_handling_continues_it() {
        var publisher = publisherOnTheMock(tracing);
        var request = openTelemetry
                .getTracer("test")
                .spanBuilder("POST /reservations")
                .startSpan();
        try (var scope = request.makeCurrent()) {
            publishAPlacement(publisher);
        } finally {
            request.end();
        }
        ProducerRecord<String, byte[]> sent = producer.history().getLast();
        var traceparent = new String(sent.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        String traceId = request.getSpanContext().getTraceId();

        assertThat(traceparent).startsWith("00-" + traceId + "-");

        var received = new ConsumerRecord<>(
                sent.topic(),
                1,
                42,
                0L,
                TimestampType.LOG_APPEND_TIME,
                0,
                0,
                sent.key(),
                sent.value(),
                new RecordHeaders(sent.headers().toArray()),
                java.util.Optional.empty());
        var seenInHandling = new AtomicReference<String>();
        tracing.process(
                received,
                () -> seenInHandling.set(Span.current().getSpanContext().getTraceId()));

        assertThat(seenInHandling).hasValue(traceId);
        var publish = finishedSpan(SpanKind.PRODUCER);
        var process = finishedSpan(SpanKind.CONSUMER);
        assertThat(publish.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(process.getTraceId()).isEqualTo(traceId);
        assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
        assertThat(process.getName()).isEqualTo("process " + sent.topic());
    }

    @Test
    void without_tracing_no_header_is_added() {
        var publisher = publisherOnTheMock(RecordTracing.NONE);

        publishAPlacement(publisher);

        assertThat(producer.history().getLast().headers().lastHeader("traceparent"))
                .isNull();
    }

    /** A publisher writing to the mock producer, tracing its records with {@code tracedBy}. */
    private KafkaReservationPublisher publisherOnTheMock(RecordTracing tracedBy) {
        return KafkaReservationPublisher.create(
                ProducerSettings.of(
                        ReserveKitSettings.defaults(URI.create("/test")), Map.of("bootstrap.servers", "unused:9092")),
                properties -> producer,
                tracedBy);
    }

    private static void publishAPlacement(KafkaReservationPublisher publisher) {
        publisher.publish(
                ReservationFixtures.placedEvent(ReservationFixtures.TABLE_1, ReservationFixtures.slot(24, 2)));
    }

    private SpanData finishedSpan(SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == kind)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finished " + kind + " span"));
    }
}
