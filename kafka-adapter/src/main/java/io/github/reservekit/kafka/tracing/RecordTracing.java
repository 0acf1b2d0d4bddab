package io.github.reservekit.kafka.tracing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * How a trace crosses the topic: the publisher asks it to {@link #send} each record (it adds the trace context to
 * the record's headers and starts a span for the publish), the follower runs its handling of each record through
 * {@link #process}, which continues the trace the record carries. No tracing library appears here, so the adapter
 * (and the core) depend on none; {@link OpenTelemetryRecordTracing} is the implementation on OpenTelemetry's API.
 *
 * <p>Implementations are thread-safe and never throw: a tracing failure must not fail a publish or stop the
 * follower.
 */
public interface RecordTracing {

    /** No tracing: headers stay as they are, nothing is recorded. */
    RecordTracing NONE = new RecordTracing() {
        @Override
        public Publish send(ProducerRecord<?, ?> record) {
            return failure -> {};
        }

        @Override
        public void process(ConsumerRecord<?, ?> record, Runnable handling) {
            handling.run();
        }
    };

    /**
     * Called just before {@code record} is handed to the producer, on the publishing thread: adds the current trace
     * context to its headers and starts the publish.
     *
     * @return what to tell once the outcome of the publish is known
     */
    Publish send(ProducerRecord<?, ?> record);

    /** Runs {@code handling} of a consumed record in the trace that the record's headers carry, if any. */
    void process(ConsumerRecord<?, ?> record, Runnable handling);

    /** One publish in progress. */
    @FunctionalInterface
    interface Publish {

        /** The broker acknowledged the record ({@code failure} null) or the publish failed. */
        void end(Throwable failure);
    }
}
