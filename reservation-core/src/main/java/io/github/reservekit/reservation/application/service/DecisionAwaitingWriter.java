package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.application.port.out.ReservationLog;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.application.port.out.WriteAdmission;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException.Outcome;
import io.github.reservekit.reservation.domain.ReservationsUnavailableException;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.WriteNotAdmittedException;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Publishes a writer's event and answers with what the log decided about it (CONTRACT.md section 3, "Writes answer
 * from the topic").
 *
 * <p>With a {@link ReservationLog} (a log every instance reads, such as the Kafka topic): register, publish, then
 * wait for this instance's reader to fold the event, at most until its {@code confirmBy} plus the clock-skew
 * margin. No decision by then: catch up with the resource's part of the log (at most the margin more) and answer
 * what the fold decided. {@link Outcome#NOT_KEPT} only when the log can never confirm the event: the fold voided
 * it (appended after its {@code confirmBy}), or the publish was refused outright (never appended).
 * {@link Outcome#UNKNOWN} when the log cannot be read, or when an event whose publish was not acknowledged is still
 * not readable: being absent from what can be read does not prove it was never appended (in Kafka, a record
 * appended by the leader stays above the high watermark, unreadable, while a crashed follower still counts as in
 * sync, and becomes readable with its early append time once the follower is gone or back). The fold decides it
 * later, the same for every reader. So the answer comes within the publish timeout plus twice the margin.
 *
 * <p>Without one (a single writer whose publisher is not read back), the event is folded here once published, and
 * a failed publish is rethrown as it is: nothing was kept.
 *
 * <p>Either way, a write first asks the {@link WriteAdmission} to let it in: refused, it publishes nothing and fails
 * at once with {@link WriteNotAdmittedException} ({@link Outcome#NOT_KEPT}). The admission learns how each write it
 * let in ended: decided in time, timed out (no decision within the publish timeout: the log is overloaded), or
 * neither (refused outright, a programming error).
 */
public final class DecisionAwaitingWriter {

    private static final System.Logger LOG = System.getLogger(DecisionAwaitingWriter.class.getName());

    private final ReservationPublisher publisher;
    private final Optional<ReservationLog> log;
    private final ApplyReservationEventService fold;
    private final PendingDecisions pending;
    private final KeyedLocks locks = new KeyedLocks();
    private final Clock clock;
    private final Duration publishTimeout;
    private final Duration clockSkewMargin;
    private final WriteAdmission admission;

    /**
     * @param log the log every instance reads, when there is one: the writer then answers only from what
     *     {@code fold} decided about its event once read back; empty: a single writer that folds its own events
     *     once published
     * @param publishTimeout how long a writer waits for its event (events carry {@code confirmBy} = now + this)
     * @param clockSkewMargin how far this host's clock may be from the log's (the brokers'); a writer that saw no
     *     decision waits this much past {@code confirmBy} before it reads the log to conclude
     * @param admission asked before every write publishes; {@link WriteAdmission#unlimited()} for no bound
     */
    public DecisionAwaitingWriter(
            ReservationPublisher publisher,
            Optional<ReservationLog> log,
            ApplyReservationEventService fold,
            Clock clock,
            Duration publishTimeout,
            Duration clockSkewMargin,
            WriteAdmission admission) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.log = Objects.requireNonNull(log, "log");
        this.fold = Objects.requireNonNull(fold, "fold");
        this.pending = fold.pending();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publishTimeout = Objects.requireNonNull(publishTimeout, "publishTimeout");
        this.clockSkewMargin = Objects.requireNonNull(clockSkewMargin, "clockSkewMargin");
        this.admission = Objects.requireNonNull(admission, "admission");
    }

    /** What events carry as {@code confirmBy}: the moment they are handed over plus the publish timeout. */
    Optional<Duration> confirmWithin() {
        return log.isPresent() ? Optional.of(publishTimeout) : Optional.empty();
    }

    /**
     * Publishes and returns the fold's decision about {@code event}.
     *
     * @param confirmBy the event's {@code confirmBy} (present whenever there is a log)
     * @throws WriteNotAdmittedException when the admission refused the write: nothing was published
     * @throws ReservationNotConfirmedException when no decision can be learned (see the class comment)
     * @throws PublicationFailedException without a log, when the publish failed
     */
    FoldDecision publish(ReservationEvent event, Optional<Instant> confirmBy) {
        var admitted = admission
                .tryAdmit()
                .orElseThrow(() -> bySubject(event, WriteNotAdmittedException::new, WriteNotAdmittedException::new));
        boolean ended = false;
        try {
            var decision = publishAdmitted(event, confirmBy);
            ended = true;
            admitted.decided();
            return decision;
        } catch (ReservationNotConfirmedException notConfirmed) {
            ended = true;
            // Timed out, or the log unreadable: the writes in flight are more than the log absorbs now.
            if (notConfirmed.getCause() instanceof PublicationFailedException failed && !failed.retriable()) {
                admitted.ignored();
            } else {
                admitted.timedOut();
            }
            throw notConfirmed;
        } catch (PublicationFailedException failed) {
            ended = true;
            if (failed.retriable()) {
                admitted.timedOut();
            } else {
                admitted.ignored();
            }
            throw failed;
        } finally {
            if (!ended) {
                admitted.ignored();
            }
        }
    }

    private FoldDecision publishAdmitted(ReservationEvent event, Optional<Instant> confirmBy) {
        if (log.isEmpty()) {
            publisher.publish(event);
            return fold.apply(new ApplyReservationEventCommand(event, Optional.empty()));
        }
        UUID eventId = event.eventId();
        pending.register(eventId);
        try {
            PublicationFailedException failure = null;
            try {
                publisher.publish(event);
            } catch (PublicationFailedException failed) {
                if (!failed.retriable()) {
                    // Refused outright (not authorised, too large, closed): it was never appended.
                    throw notConfirmed(event, Outcome.NOT_KEPT, failed.getMessage(), failed);
                }
                failure = failed; // maybe appended after all: the log decides
            }
            Instant giveUp = confirmBy.orElseThrow().plus(clockSkewMargin);
            var inTime = pending.await(eventId, Duration.between(clock.instant(), giveUp));
            if (inTime.isPresent()) {
                return inTime.get();
            }
            if (!log.get().catchUp(Set.of(event.resourceId()), clockSkewMargin)) {
                throw notConfirmed(event, Outcome.UNKNOWN, "the log could not be read to learn its fate", failure);
            }
            var decided = pending.await(eventId, Duration.ZERO);
            if (decided.isPresent()) {
                return decided.get();
            }
            if (failure != null) {
                // Not readable is not "never appended": an unacknowledged event may sit in the log beyond what can be
                // read yet (Kafka: above the high watermark while a crashed follower still counts as in sync) and be
                // confirmed once it can be read, with the append time it got before its confirmBy.
                throw notConfirmed(
                        event,
                        Outcome.UNKNOWN,
                        "its event was not acknowledged and cannot be read from the log yet",
                        failure);
            }
            throw notConfirmed(event, Outcome.NOT_KEPT, "its event is not a readable event of the log", null);
        } finally {
            pending.forget(eventId);
        }
    }

    /** Tells plain readers of the log that the fold rejected this writer's placement; best effort. */
    void reportRejected(
            ReservationId reservationId,
            ResourceId resourceId,
            ReservationRejected.Reason reason,
            Optional<ReservationId> standing) {
        var rejected = new ReservationRejected(
                UUID.randomUUID(), clock.instant(), reservationId, resourceId, reason, standing);
        try {
            publisher.publish(rejected);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Could not publish that reservation " + reservationId + " was rejected", failed);
        }
    }

    /**
     * Brings this instance up to date with the log for these resources (all when empty) before a read, so it
     * reflects every write any instance answered before the read began.
     *
     * @throws ReservationsUnavailableException if that cannot be done within the publish timeout
     */
    void catchUp(Set<ResourceId> resources) {
        if (log.isPresent() && !log.get().catchUp(resources, publishTimeout)) {
            throw new ReservationsUnavailableException("could not catch up with the log within "
                    + publishTimeout.toMillis() + " ms; the reservations here may be out of date");
        }
    }

    /** The resource as this instance's fold knows it (one unit if nobody defined it). */
    Resource resource(ResourceId resourceId) {
        return fold.resource(resourceId);
    }

    Duration publishTimeout() {
        return publishTimeout;
    }

    /** The per-resource (and per-idempotency-key) locks every writer of this instance holds while it decides. */
    KeyedLocks locks() {
        return locks;
    }

    private static ReservationNotConfirmedException notConfirmed(
            ReservationEvent event, Outcome outcome, String why, Throwable cause) {
        return bySubject(
                event,
                resourceId -> new ReservationNotConfirmedException(resourceId, outcome, why, cause),
                (reservationId, key) -> new ReservationNotConfirmedException(reservationId, outcome, why, cause, key));
    }

    /**
     * What {@code event} is about, made into an answer: a resource's definition names the resource; any other event
     * names its reservation, with the idempotency key of a placement.
     */
    private static <T> T bySubject(
            ReservationEvent event,
            Function<ResourceId, T> resource,
            BiFunction<ReservationId, Optional<IdempotencyKey>, T> reservation) {
        if (event instanceof ResourceDefined defined) {
            return resource.apply(defined.resourceId());
        }
        var key =
                event instanceof ReservationPlaced placed ? placed.idempotencyKey() : Optional.<IdempotencyKey>empty();
        return reservation.apply(event.reservationIdIfAny().orElseThrow(), key);
    }
}
