package io.github.reservekit.reservation.bootstrap;

import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.Availability;
import io.github.reservekit.reservation.application.port.in.AvailabilityWindow;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationCommand;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationUseCase;
import io.github.reservekit.reservation.application.port.in.DefineResourceCommand;
import io.github.reservekit.reservation.application.port.in.DefineResourceUseCase;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationCommand;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationUseCase;
import io.github.reservekit.reservation.application.port.in.ReservationListing;
import io.github.reservekit.reservation.application.port.in.ReservationLogSource;
import io.github.reservekit.reservation.application.port.in.ReservationPage;
import io.github.reservekit.reservation.application.port.in.WriteLoadQuery;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.application.port.out.WriteAdmission;
import io.github.reservekit.reservation.application.service.ApplyReservationEventService;
import io.github.reservekit.reservation.application.service.CancelReservationService;
import io.github.reservekit.reservation.application.service.ConfirmReservationService;
import io.github.reservekit.reservation.application.service.DecisionAwaitingWriter;
import io.github.reservekit.reservation.application.service.DefineResourceService;
import io.github.reservekit.reservation.application.service.FindAvailabilityService;
import io.github.reservekit.reservation.application.service.FindReservationService;
import io.github.reservekit.reservation.application.service.ListReservationsService;
import io.github.reservekit.reservation.application.service.Ownership;
import io.github.reservekit.reservation.application.service.PlaceReservationService;
import io.github.reservekit.reservation.application.service.RescheduleReservationService;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reservation core assembled from its ports, the one place where that happens (every shell and embedding program
 * gets its core from here), for a plain Java program that embeds it:
 *
 * <pre>{@code
 * var reservations = ReservationApplication.builder()
 *         .publisher(event -> System.out.println("published " + event))
 *         .build();
 * }</pre>
 *
 * <p>Every use case in one object; thread-safe. The repository defaults to an {@link InMemoryReservationRepository},
 * the clock to UTC system time and the settings to {@link ReservationSettings#DEFAULTS}. With a log
 * ({@link Builder#log}), the builder creates the fold and hands that object to the log's source, whose reader then
 * folds every event of the log through it (rule 12's forgetting included), and the writers answer from what it
 * decided.
 */
public final class ReservationApplication
        implements PlaceReservationUseCase,
                CancelReservationUseCase,
                ConfirmReservationUseCase,
                RescheduleReservationUseCase,
                FindReservationQuery,
                ListReservationsQuery,
                FindAvailabilityQuery,
                DefineResourceUseCase,
                WriteLoadQuery,
                ApplyReservationEventUseCase {

    private final PlaceReservationUseCase place;
    private final CancelReservationUseCase cancel;
    private final ConfirmReservationUseCase confirm;
    private final RescheduleReservationUseCase reschedule;
    private final FindReservationQuery find;
    private final ListReservationsQuery list;
    private final FindAvailabilityQuery availability;
    private final DefineResourceUseCase resources;
    private final ApplyReservationEventService fold;
    private final WriteAdmission admission;

    private ReservationApplication(Builder builder) {
        this.admission = builder.admission;
        var repository = builder.repository;
        this.fold = new ApplyReservationEventService(repository);
        var log = Optional.ofNullable(builder.logSource).map(source -> source.open(fold));
        var writer = new DecisionAwaitingWriter(
                builder.publisher,
                log,
                fold,
                builder.clock,
                builder.settings.publishTimeout(),
                builder.settings.clockSkewMargin(),
                builder.admission);
        this.place = new PlaceReservationService(repository, writer, builder.clock, builder.settings.maxHorizon());
        var ownership = builder.settings.ownerOnly() ? Ownership.OWNER_ONLY : Ownership.ANYONE;
        this.cancel = new CancelReservationService(repository, writer, builder.clock, ownership);
        this.confirm = new ConfirmReservationService(repository, writer, builder.clock, ownership);
        this.reschedule = new RescheduleReservationService(repository, writer, builder.clock, ownership);
        this.find = new FindReservationService(repository, writer, builder.clock);
        this.list = new ListReservationsService(repository, writer, builder.clock);
        this.availability = new FindAvailabilityService(repository, writer, builder.clock);
        this.resources = new DefineResourceService(writer, builder.clock);
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
    public Reservation confirm(ConfirmReservationCommand command) {
        return confirm.confirm(command);
    }

    @Override
    public Reservation reschedule(RescheduleReservationCommand command) {
        return reschedule.reschedule(command);
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
    public ReservationPage list(ReservationListing listing) {
        return list.list(listing);
    }

    @Override
    public Availability availability(AvailabilityWindow window) {
        return availability.availability(window);
    }

    @Override
    public Resource define(DefineResourceCommand command) {
        return resources.define(command);
    }

    @Override
    public Resource findResource(ResourceId resourceId) {
        return resources.findResource(resourceId);
    }

    @Override
    public FoldDecision apply(ApplyReservationEventCommand command) {
        return fold.apply(command);
    }

    @Override
    public void logReached(Instant logTime) {
        fold.logReached(logTime);
    }

    /** {@link WriteAdmission#atLimit()} of this instance's admission control. */
    @Override
    public boolean writesAtLimit() {
        return admission.atLimit();
    }

    /** {@link WriteAdmission#bound()} of this instance's admission control. */
    @Override
    public int writeBound() {
        return admission.bound();
    }

    /** Assembles a {@link ReservationApplication}; only the publisher is required. Not thread-safe. */
    public static final class Builder {
        private ReservationPublisher publisher;
        private ReservationRepository repository = new InMemoryReservationRepository();
        private Clock clock = Clock.systemUTC();
        private ReservationLogSource logSource;
        private ReservationSettings settings = ReservationSettings.DEFAULTS;
        private WriteAdmission admission = WriteAdmission.unlimited();

        private Builder() {}

        /**
         * What bounds the writes this instance has in flight: every placement, cancellation, confirmation and move
         * asks it before it publishes, and one it refuses fails at once with
         * {@link io.github.reservekit.reservation.domain.WriteNotAdmittedException}, nothing published. Reads never
         * ask. {@link WriteAdmission#unlimited()} by default; on Kafka, {@code ReserveKitKafka} sets a limit that
         * follows the measured latency.
         */
        public Builder admission(WriteAdmission admission) {
            this.admission = Objects.requireNonNull(admission, "admission");
            return this;
        }

        /**
         * The log every instance reads (the Kafka topic through its follower): {@link #build()} hands the core's fold
         * to {@code source}, whose reader folds the log through it; writers then answer only from what the fold
         * decided about their own events, and reads first catch up with the log. Without one, the application is a
         * single writer that folds its own events once published.
         */
        public Builder log(ReservationLogSource source) {
            this.logSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The core's own settings: timeouts, horizon, owner-only; {@link ReservationSettings#DEFAULTS} by default. */
        public Builder settings(ReservationSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

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
