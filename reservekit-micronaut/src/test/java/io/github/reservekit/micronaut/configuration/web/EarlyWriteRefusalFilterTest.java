package io.github.reservekit.micronaut.configuration.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class EarlyWriteRefusalFilterTest {

    @Test
    void at_the_bound_a_placement_is_answered_503_overloaded_before_anything_reads_its_body() {
        var filter = new EarlyWriteRefusalFilter(() -> true);
        filter.contextPath = "/shop";

        var response = filter.refuseWhenAtLimit(
                HttpRequest.POST("/shop/reservations", "{}").header("Idempotency-Key", "order-7"));

        assertThat(response).isNotNull();
        assertThat(response.code()).isEqualTo(503);
        assertThat(response.getContentType())
                .hasValueSatisfying(type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(response.getHeaders().get("Retry-After")).isEqualTo("1");
        assertThat(response.body())
                .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("type", "urn:reservekit:problem:overloaded")
                .containsEntry("instance", "/shop/reservations")
                .containsEntry("outcome", "not-kept")
                .containsEntry("idempotencyKey", "order-7");
    }

    @Test
    void below_the_bound_and_for_reads_the_request_goes_on_as_usual() {
        assertThat(new EarlyWriteRefusalFilter(() -> false).refuseWhenAtLimit(HttpRequest.POST("/reservations", "{}")))
                .isNull();
        assertThat(new EarlyWriteRefusalFilter(() -> true).refuseWhenAtLimit(HttpRequest.GET("/reservations/42")))
                .isNull();
    }
}
