package io.github.reservekit.kafka.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * {@link RecordTracing} on the OpenTelemetry API, with the propagators of the given {@link OpenTelemetry}
 * (W3C Trace Context by default): the publish is a {@code PRODUCER} span, child of whatever span is current on the
 * publishing thread (an HTTP request's, in the shells), whose context goes into the record's {@code traceparent}
 * (and {@code tracestate}) header, the headers OpenTelemetry's own Kafka instrumentation writes and reads; the
 * follower's handling of the record is a {@code CONSUMER} span, child of that context, so one trace runs from the
 * request into every instance that applies the event. Attributes follow OpenTelemetry's messaging conventions.
 *
 * <p>The adapter's only use of OpenTelemetry, an optional dependency: an embedder with OpenTelemetry on its class
 * path passes {@code OpenTelemetryRecordTracing.of(openTelemetry)} to {@code ReserveKitKafka.Builder#tracing}.
 */
public final class OpenTelemetryRecordTracing implements RecordTracing {

    /** The instrumentation scope of the spans. */
    public static final String INSTRUMENTATION_NAME = "io.github.reservekit.kafka";

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    private OpenTelemetryRecordTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Tracing with this OpenTelemetry's tracer and propagators. */
    public static RecordTracing of(OpenTelemetry openTelemetry) {
        return new OpenTelemetryRecordTracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    @Override
    public Publish send(ProducerRecord<?, ?> record) {
        Span span = tracer.spanBuilder("publish " + record.topic())
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "publish")
                .setAttribute(KEY, String.valueOf(record.key()))
                .startSpan();
        propagator.inject(Context.current().with(span), record.headers(), HeadersSetter.INSTANCE);
        return failure -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        };
    }

    @Override
    public void process(ConsumerRecord<?, ?> record, Runnable handling) {
        Context sent = propagator.extract(Context.root(), record.headers(), HeadersGetter.INSTANCE);
        Span span = tracer.spanBuilder("process " + record.topic())
                .setParent(sent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "process")
                .setAttribute(PARTITION, String.valueOf(record.partition()))
                .setAttribute(OFFSET, record.offset())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            handling.run();
        } catch (RuntimeException failed) {
            span.recordException(failed);
            span.setStatus(StatusCode.ERROR);
            throw failed;
        } finally {
            span.end();
        }
    }

    private enum HeadersSetter implements TextMapSetter<Headers> {
        INSTANCE;

        @Override
        public void set(Headers headers, String key, String value) {
            if (headers != null) {
                headers.remove(key);
                headers.add(key, value.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private enum HeadersGetter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
