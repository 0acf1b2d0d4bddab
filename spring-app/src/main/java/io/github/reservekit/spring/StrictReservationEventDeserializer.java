package io.github.reservekit.spring;

import io.github.reservekit.kafka.Decoded;
import io.github.reservekit.kafka.ReservationEventDeserializer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The adapter's reader, made to fail on a record that is not a readable event, so that spring-kafka's
 * {@code ErrorHandlingDeserializer} and dead-letter recoverer handle it. Unknown event types still pass, for
 * the listener to skip: they are not poison, just newer than this reader.
 */
public final class StrictReservationEventDeserializer implements Deserializer<Decoded> {

    private final ReservationEventDeserializer reader = new ReservationEventDeserializer();

    @Override
    public Decoded deserialize(String topic, byte[] data) {
        return strict(reader.deserialize(topic, data));
    }

    @Override
    public Decoded deserialize(String topic, Headers headers, byte[] data) {
        return strict(reader.deserialize(topic, headers, data));
    }

    private static Decoded strict(Decoded decoded) {
        return switch (decoded) {
            case Decoded.Event event -> event;
            case Decoded.UnknownType unknown -> unknown;
            case Decoded.Malformed malformed ->
                throw new SerializationException("malformed record: " + malformed.reason());
            case Decoded.UnsupportedVersion unsupported ->
                throw new SerializationException("unsupported event version: " + unsupported.reason());
        };
    }
}
