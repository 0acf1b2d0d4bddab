package io.github.reservekit.reservation.bootstrap;

import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.application.service.ApplyReservationEventService;
import io.github.reservekit.reservation.application.service.CancelReservationService;
import io.github.reservekit.reservation.application.service.FindReservationService;
import io.github.reservekit.reservation.application.service.KeyedLocks;
import io.github.reservekit.reservation.application.service.ListReservationsService;
import io.github.reservekit.reservation.application.service.PlaceReservationService;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The reservation core assembled from its ports, for a plain Java program that embeds it:
 *
 * <pre>{@code
 * var reservations = ReservationApplication.builder()
 *         .publisher(event -> System.out.println("published " + event))
 *         .build();
 * }</pre>
 *
 * <p>Every use case in one object; thread-safe. The repository defaults to an
 * {@link InMemoryReservationRepository} and the clock to UTC system time.
 */
public final class ReservationApplication
        implements PlaceReservationUseCase,
                CancelReservationUseCase,
                FindReservationQuery,
                ListReservationsQuery,
                ApplyReservationEventUseCase {

    private final PlaceReservationUseCase place;
    private final CancelReservationUseCase cancel;
    private final FindReservationQuery find;
    private final ListReservationsQuery list;
    private final ApplyReservationEventUseCase applyEvent;

    private ReservationApplication(Builder builder) {
        var locks = new KeyedLocks();
        this.place = new PlaceReservationService(builder.repository, builder.publisher, builder.clock, locks);
        this.cancel = new CancelReservationService(builder.repository, builder.publisher, builder.clock, locks);
        this.find = new FindReservationService(builder.repository);
        this.list = new ListReservationsService(builder.repository);
        this.applyEvent = new ApplyReservationEventService(builder.repository, locks);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Reservation place(PlaceReservationCommand command) {
        return place.place(command);
    }

    @Override
    public Reservation cancel(CancelReservationCommand command) {
        return cancel.cancel(command);
    }

    @Override
    public Reservation findById(ReservationId id) {
        return find.findById(id);
    }

    @Override
    public List<Reservation> listByResource(ResourceId resourceId) {
        return list.listByResource(resourceId);
    }

    @Override
    public Outcome apply(ApplyReservationEventCommand command) {
        return applyEvent.apply(command);
    }

    /** Assembles a {@link ReservationApplication}; only the publisher is required. Not thread-safe. */
    public static final class Builder {
        private ReservationPublisher publisher;
        private ReservationRepository repository = new InMemoryReservationRepository();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Where events go; required. */
        public Builder publisher(ReservationPublisher publisher) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        /** Where reservations are kept; defaults to a new {@link InMemoryReservationRepository}. */
        public Builder repository(ReservationRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
            return this;
        }

        /** The source of time; defaults to {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @throws IllegalStateException if no publisher was set */
        public ReservationApplication build() {
            if (publisher == null) {
                throw new IllegalStateException("a ReservationApplication needs a publisher");
            }
            return new ReservationApplication(this);
        }
    }
}
