package io.github.reservekit.springboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.kafka.write.ConcurrencyLimitWriteAdmission;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.springboot.autoconfigure.web.ReserveKitWebAutoConfiguration;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;

/** Each condition of the HTTP API's auto-configuration, on the core assembled on a fake publisher (no Kafka). */
class ReserveKitWebAutoConfigurationTest {

    private static final String CONTROLLER = "reserveKitReservationController";
    private static final String[] WEB_BEANS = {
        CONTROLLER, "reserveKitEventViewController", "reserveKitDocumentsController", "reserveKitBodyLimit"
    };

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReserveKitWebAutoConfiguration.class))
            .withUserConfiguration(CoreOnARecordingPublisher.class);

    @Test
    void a_servlet_app_with_the_use_cases_gets_the_api_with_problems_for_reservekits_endpoints_only() {
        web.run(context -> {
            assertThat(context).hasBean(CONTROLLER);
            for (String bean : WEB_BEANS) {
                assertThat(context).hasBean(bean);
            }
            assertThat(context).hasBean("reserveKitProblems").doesNotHaveBean("reserveKitProblemsForAllRequests");
        });
    }

    @Test
    void all_errors_as_problems_swaps_the_scoped_advice_for_the_global_one() {
        web.withPropertyValues("reservekit.http.all-errors-as-problems=true")
                .run(context -> assertThat(context)
                        .hasBean("reserveKitProblemsForAllRequests")
                        .doesNotHaveBean("reserveKitProblems"));
    }

    @Test
    void the_api_can_be_switched_off() {
        web.withPropertyValues("reservekit.http.enabled=false").run(context -> {
            for (String bean : WEB_BEANS) {
                assertThat(context).doesNotHaveBean(bean);
            }
        });
    }

    @Test
    void no_api_without_the_use_cases() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReserveKitWebAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(CONTROLLER));
    }

    @Test
    void no_api_outside_a_servlet_web_application() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReserveKitWebAutoConfiguration.class))
                .withUserConfiguration(CoreOnARecordingPublisher.class)
                .run(context -> assertThat(context).doesNotHaveBean(CONTROLLER));
    }

    @Test
    void no_api_without_spring_mvc() {
        web.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .run(context -> assertThat(context).doesNotHaveBean(CONTROLLER));
    }

    @Test
    void the_early_refusal_holds_write_requests_to_the_cores_bound_on_writes_in_flight() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReserveKitWebAutoConfiguration.class))
                .withBean(RecentEvents.class)
                .withBean(
                        ReservationApplication.class,
                        () -> ReservationApplication.builder()
                                .publisher(new RecordingReservationPublisher())
                                .admission(ConcurrencyLimitWriteAdmission.between(1, 1))
                                .build())
                .run(context -> {
                    Filter filter = context.getBean("reserveKitEarlyWriteRefusal", FilterRegistrationBean.class)
                            .getFilter();
                    var second = new MockHttpServletResponse();
                    FilterChain whileTheFirstIsServed = (request, response) -> filter.doFilter(
                            new MockHttpServletRequest("POST", "/reservations"), second, new MockFilterChain());

                    filter.doFilter(
                            new MockHttpServletRequest("POST", "/reservations"),
                            new MockHttpServletResponse(),
                            whileTheFirstIsServed);

                    assertThat(second.getStatus())
                            .as("a second write while the first of a bound of 1 is served")
                            .isEqualTo(503);
                });
    }

    @Test
    void the_applications_own_bean_of_the_same_name_wins() {
        web.withBean(CONTROLLER, String.class, () -> "mine")
                .run(context -> assertThat(context.getBean(CONTROLLER)).isEqualTo("mine"));
    }
}
