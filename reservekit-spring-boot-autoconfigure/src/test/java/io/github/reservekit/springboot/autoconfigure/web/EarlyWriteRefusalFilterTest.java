package io.github.reservekit.springboot.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

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
}
