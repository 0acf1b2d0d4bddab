package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.ContractDocuments;
import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.http.ReservationEndpoints;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationUseCase;
import io.github.reservekit.reservation.application.port.in.DefineResourceUseCase;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationUseCase;
import io.github.reservekit.reservation.application.port.in.WriteLoadQuery;
import io.github.reservekit.springboot.autoconfigure.ReserveKitAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The HTTP API of CONTRACT.md section 3 in a servlet web application, on the core's use-case ports (whichever
 * beans implement them: ReserveKit's or the application's own), plus the contracts as files. Each bean backs off
 * when the application defines one of the same name; {@code reservekit.http.enabled=false} leaves the API out, and
 * the page and the documents with it. The page and the documents live under {@code reservekit.http.prefix}
 * ({@code /reservekit}), never at the application's own {@code /}.
 */
@AutoConfiguration(after = ReserveKitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "reservekit.http.enabled", matchIfMissing = true)
@ConditionalOnBean({PlaceReservationUseCase.class, RecentEvents.class})
public class ReserveKitWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "reserveKitReservationController")
    ReservationController reserveKitReservationController(
            PlaceReservationUseCase place,
            CancelReservationUseCase cancel,
            ConfirmReservationUseCase confirm,
            RescheduleReservationUseCase reschedule,
            FindReservationQuery find,
            ListReservationsQuery list) {
        return new ReservationController(new ReservationEndpoints(place, cancel, confirm, reschedule, find, list));
    }

    @Bean
    @ConditionalOnMissingBean(name = "reserveKitResourceController")
    ResourceController reserveKitResourceController(
            DefineResourceUseCase resources, FindAvailabilityQuery availability) {
        return new ResourceController(resources, availability);
    }

    @Bean
    @ConditionalOnMissingBean(name = "reserveKitEventViewController")
    EventViewController reserveKitEventViewController(RecentEvents recentEvents) {
        return new EventViewController(recentEvents);
    }

    /**
     * Refuses a {@code reservekit.http.prefix} that is not a path of its own (such as {@code /}, the application's
     * root) before any controller is mapped: a post-processor of the bean factory runs before every other bean.
     */
    @Bean
    static BeanFactoryPostProcessor reserveKitPrefixCheck(Environment environment) {
        ContractDocuments.prefix(environment.getProperty("reservekit.http.prefix"));
        return beanFactory -> {};
    }

    @Bean
    @ConditionalOnMissingBean(name = "reserveKitDocumentsController")
    DocumentsController reserveKitDocumentsController(Environment environment) {
        return new DocumentsController(environment.getProperty("reservekit.http.prefix"));
    }

    /** Request bodies of ReserveKit's paths capped at 16 KiB, before any other filter reads them. */
    @Bean
    @ConditionalOnMissingBean(name = "reserveKitBodyLimit")
    FilterRegistrationBean<?> reserveKitBodyLimit() {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter());
        registration.addUrlPatterns("/reservations", "/reservations/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Writes refused before their body is read while the write requests in progress are at the bound on writes in
     * flight ({@link io.github.reservekit.http.WritesInProgress}; ahead of every other
     * filter, security too: a refusal changes nothing and must cost nothing). Off without a {@link WriteLoadQuery}
     * (then there is no bound to ask).
     */
    @Bean
    @ConditionalOnMissingBean(name = "reserveKitEarlyWriteRefusal")
    FilterRegistrationBean<?> reserveKitEarlyWriteRefusal(ObjectProvider<WriteLoadQuery> writeLoads) {
        var writeLoad = writeLoads.getIfUnique();
        var registration =
                new FilterRegistrationBean<>(new EarlyWriteRefusalFilter(writeLoad == null ? () -> false : writeLoad));
        registration.addUrlPatterns("/reservations", "/reservations/*", "/resources/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(writeLoad != null);
        return registration;
    }

    /** Problems for ReserveKit's endpoints only (the default). */
    @Bean
    @ConditionalOnMissingBean(name = "reserveKitProblems")
    @ConditionalOnBooleanProperty(
            name = "reservekit.http.all-errors-as-problems",
            havingValue = false,
            matchIfMissing = true)
    ApiExceptionHandler.ForReserveKit reserveKitProblems() {
        return new ApiExceptionHandler.ForReserveKit();
    }

    /** Problems for every request of the application ({@code reservekit.http.all-errors-as-problems=true}). */
    @Bean
    @ConditionalOnMissingBean(name = "reserveKitProblemsForAllRequests")
    @ConditionalOnBooleanProperty(name = "reservekit.http.all-errors-as-problems")
    ApiExceptionHandler.ForAllRequests reserveKitProblemsForAllRequests() {
        return new ApiExceptionHandler.ForAllRequests();
    }
}
