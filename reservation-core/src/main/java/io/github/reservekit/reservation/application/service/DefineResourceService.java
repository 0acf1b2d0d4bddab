package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.DefineResourceCommand;
import io.github.reservekit.reservation.application.port.in.DefineResourceUseCase;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.domain.CapacityExceededException;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceChangedException;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Defines resources under their lock, answering with what the log's fold decided (rule 10): the new capacity, or a
 * refusal naming where the counting reservations already take more. Reads catch up with the resource's part of the
 * log first.
 */
public final class DefineResourceService implements DefineResourceUseCase {

    private final DecisionAwaitingWriter writer;
    private final Clock clock;

    public DefineResourceService(DecisionAwaitingWriter writer, Clock clock) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Resource define(DefineResourceCommand command) {
        Objects.requireNonNull(command, "command");
        ResourceId resourceId = command.resourceId();
        writer.catchUp(Set.of(resourceId));
        return writer.locks().withLock(resourceId, () -> {
            var current = writer.resource(resourceId);
            if (command.ifVersion().isPresent() && command.ifVersion().get() != current.version()) {
                throw new ResourceChangedException(current, command.ifVersion().get());
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            var confirmBy = writer.confirmWithin().map(now::plus);
            var defined = new ResourceDefined(
                    UUID.randomUUID(),
                    now,
                    resourceId,
                    command.capacity(),
                    command.name(),
                    confirmBy,
                    command.ifVersion());
            return switch (writer.publish(defined, confirmBy)) {
                case FoldDecision.Defined done -> done.resource();
                case FoldDecision.ResourceRefused refused
                when refused.reason() == ReservationRejected.Reason.STALE ->
                    throw new ResourceChangedException(
                            refused.resource(), command.ifVersion().orElseThrow());
                case FoldDecision.ResourceRefused refused ->
                    throw new CapacityExceededException(resourceId, command.capacity(), refused.at(), refused.units());
                default ->
                    throw new ReservationNotConfirmedException(
                            resourceId,
                            ReservationNotConfirmedException.Outcome.NOT_KEPT,
                            "its event was appended after its confirmBy",
                            null);
            };
        });
    }

    @Override
    public Resource findResource(ResourceId resourceId) {
        Objects.requireNonNull(resourceId, "resourceId");
        writer.catchUp(Set.of(resourceId));
        return writer.resource(resourceId);
    }
}
