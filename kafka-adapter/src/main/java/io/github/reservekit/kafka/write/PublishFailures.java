package io.github.reservekit.kafka.write;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import org.apache.kafka.common.errors.RetriableException;

/** How {@link KafkaReservationPublisher} tells a failed publish: what failed, why, and whether a retry may help. */
final class PublishFailures {

    private PublishFailures() {}

    /** A failure Kafka reported: retriable when a {@link RetriableException} is anywhere in its cause chain. */
    static PublicationFailedException translate(String what, Throwable cause) {
        boolean retriable = isRetriable(cause);
        String reason = cause instanceof IllegalStateException
                ? "the publisher is closed"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return failure(what, reason, retriable, cause);
    }

    /** Kafka's retriable errors (timeouts, not enough replicas, leader changes...) anywhere in the cause chain. */
    private static boolean isRetriable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static PublicationFailedException failure(String what, String reason, boolean retriable, Throwable cause) {
        return new PublicationFailedException(what + ": " + reason, retriable, cause);
    }
}
