package io.github.reservekit.kafka.read;

import io.github.reservekit.kafka.internal.ReservationWire;
import io.github.reservekit.kafka.internal.WireFormatException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Reads records of the topic {@code reserve} (CONTRACT.md section 2) into {@link Decoded} results. Unknown JSON
 * fields are ignored; a malformed, unknown-type or unsupported-version record becomes a typed result instead of
 * an exception, so one bad record never stops a consumer.
 *
 * <p>Stateless and thread-safe. Works with any consumer of {@code byte[]} values.
 */
public final class ReservationRecordDecoder {

    /**
     * Decodes one consumed record from its headers and value, and checks that its key is its event's
     * {@code resourceId} (CONTRACT.md section 4.4, rule 1): a record keyed otherwise (another team's producer, a
     * tool) may sit in another partition than the resource's own events, where readers could order it differently
     * against them, so it is {@link Decoded.Malformed}. Never throws for bad input.
     */
    public Decoded decode(ConsumerRecord<?, byte[]> record) {
        var decoded = decode(record.headers(), record.value());
        if (decoded instanceof Decoded.Event event) {
            String resourceId = event.event().resourceId().value();
            String key = keyOf(record.key());
            if (!resourceId.equals(key)) {
                return new Decoded.Malformed("its key " + (key == null ? "(none)" : "'" + key + "'")
                        + " is not its resourceId '" + resourceId + "'");
            }
        }
        return decoded;
    }

    private static String keyOf(Object key) {
        return switch (key) {
            case null -> null;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            default -> key.toString();
        };
    }

    /** Decodes a record from its headers and value. Never throws for bad input. */
    public Decoded decode(Headers headers, byte[] value) {
        try {
            return new Decoded.Event(ReservationWire.fromRecord(headers, value));
        } catch (WireFormatException unreadable) {
            return switch (unreadable.kind()) {
                case MALFORMED -> new Decoded.Malformed(unreadable.getMessage());
                case UNKNOWN_TYPE -> new Decoded.UnknownType(unreadable.type());
                case UNSUPPORTED_VERSION -> new Decoded.UnsupportedVersion(unreadable.type(), unreadable.getMessage());
            };
        } catch (RuntimeException unexpected) {
            // A reader must survive any record: whatever slipped through the checks is malformed too.
            return new Decoded.Malformed("unreadable record: " + unexpected);
        }
    }
}
