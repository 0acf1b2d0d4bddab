package io.github.reservekit.springboot.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.reservation.application.port.in.WriteLoadQuery;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EarlyWriteRefusalFilterTest {

    @Test
    void at_the_bound_a_placement_is_answered_503_overloaded_before_anything_reads_its_body() throws Exception {
        var request = new MockHttpServletRequest("POST", "/shop/reservations");
        request.setContextPath("/shop");
        request.addHeader("Idempotency-Key", "order-7");
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        new EarlyWriteRefusalFilter(() -> true).doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("passed on to Spring MVC").isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString())
                .contains(
                        "\"type\":\"urn:reservekit:problem:overloaded\"",
                        "\"instance\":\"/shop/reservations\"",
                        "\"outcome\":\"not-kept\"",
                        "\"idempotencyKey\":\"order-7\"");
    }

    @Test
    void below_the_bound_and_for_reads_the_request_goes_on_as_usual() throws Exception {
        var write = new MockFilterChain();
        new EarlyWriteRefusalFilter(() -> false)
                .doFilter(new MockHttpServletRequest("POST", "/reservations"), new MockHttpServletResponse(), write);
        var read = new MockFilterChain();
        new EarlyWriteRefusalFilter(() -> true)
                .doFilter(new MockHttpServletRequest("GET", "/reservations/42"), new MockHttpServletResponse(), read);

        assertThat(write.getRequest()).isNotNull();
        assertThat(read.getRequest()).isNotNull();
    }

    @Test
    void a_write_let_through_holds_its_place_until_answered_so_the_next_beyond_the_bound_is_refused_early()
            throws Exception {
        var filter = new EarlyWriteRefusalFilter(new WriteLoadQuery() {
            @Override
            public boolean writesAtLimit() {
                return false; // the core has no write in flight yet: the first request has not reached it
            }

            @Override
            public int writeBound() {
                return 1;
            }
        });
        var second = new MockHttpServletResponse();
        var secondChain = new MockFilterChain();
        FilterChain firstChain = (request, response) ->
                filter.doFilter(new MockHttpServletRequest("POST", "/reservations"), second, secondChain);

        filter.doFilter(new MockHttpServletRequest("POST", "/reservations"), new MockHttpServletResponse(), firstChain);

        assertThat(second.getStatus())
                .as("a second write while the first is being served")
                .isEqualTo(503);
        assertThat(secondChain.getRequest()).isNull();
        assertThat(filter.writesInProgress()).as("the first one answered").isZero();
        var third = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("POST", "/reservations"), new MockHttpServletResponse(), third);
        assertThat(third.getRequest()).isNotNull();
    }
}
