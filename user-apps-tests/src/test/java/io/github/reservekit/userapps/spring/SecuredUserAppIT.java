package io.github.reservekit.userapps.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reservekit.contract.HeadlessChromium;
import io.github.reservekit.contract.HostAppChecks;
import io.github.reservekit.contract.PlacementJson;
import io.github.reservekit.contract.ShellUnderTest;
import io.github.reservekit.springboot.autoconfigure.testing.SpringTestApps;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A user's own Spring Boot app on the starter with Spring Security on, as the README's "Security" section sets it up:
 * its own page at {@code /}, URL rules of its own (the page and documents open, the API for signed-in users), HTTP
 * Basic sign-in, CSRF protection with the token in Spring's {@code XSRF-TOKEN} cookie (what ReserveKit's page sends
 * back as {@code X-XSRF-TOKEN}), its own producer settings, Kafka from {@code spring.kafka.bootstrap-servers} on a
 * real broker, and {@code reservekit.owner-only=true}: a reservation Ada placed is hers to cancel, not Bob's. Over
 * HTTP as an API client would, and in a real browser as people would: signed in on Spring's login page, ReserveKit's
 * page places and cancels with the host's CSRF token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredUserAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class RestaurantApp {

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("ada")
                            .password("{noop}ada-secret")
                            .roles("GUEST")
                            .build(),
                    User.withUsername("bob")
                            .password("{noop}bob-secret")
                            .roles("GUEST")
                            .build());
        }

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests
                            // The app's own page and ReserveKit's page and documents: open to all.
                            .requestMatchers("/", "/index.html", "/reservekit/**")
                            .permitAll()
                            // Boot's error page, so that a refusal keeps its status (a CSRF 403 is not turned
                            // into a sign-in challenge when the error page is rendered).
                            .requestMatchers("/error")
                            .permitAll()
                            // ReserveKit's API: reading for any signed-in user, writing for guests.
                            .requestMatchers(HttpMethod.GET, "/reservations/**", "/resources/**")
                            .authenticated()
                            .requestMatchers("/reservations/**")
                            .hasRole("GUEST")
                            .anyRequest()
                            .authenticated())
                    .httpBasic(Customizer.withDefaults())
                    // People sign in on Spring's own login page; the page's calls then ride on the session.
                    .formLogin(Customizer.withDefaults())
                    // The CSRF token in a cookie scripts can read (XSRF-TOKEN), checked against the X-XSRF-TOKEN
                    // header: the convention ReserveKit's page follows.
                    .csrf(csrf -> csrf.spa())
                    .build();
        }
    }

    @RegisterExtension
    static final ShellUnderTest app = SpringTestApps.shellUnderTest(
            "the app",
            RestaurantApp.class,
            // The app's own producer settings, which ReserveKit's producer never takes.
            "--spring.kafka.producer.acks=1",
            "--reservekit.owner-only=true",
            "--reservekit.topic=secured-" + UUID.randomUUID(),
            "--reservekit.partitions=1");

    /** A browser of its own: cookies kept, as the page's fetch calls would have them. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens ReserveKit's page, as a browser would first, and returns the CSRF token the host set in its cookie. */
    private String openThePage(HttpClient browser) throws Exception {
        var page = browser.send(
                HttpRequest.newBuilder(app.baseUri().resolve("/reservekit/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return ((CookieManager) browser.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                        .map(HttpCookie::getValue)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("the host set no XSRF-TOKEN cookie"));
    }

    private static HttpRequest.Builder write(URI uri, String authorization, String csrfToken) {
        var request = HttpRequest.newBuilder(uri).header("Authorization", authorization);
        return csrfToken == null ? request : request.header("X-XSRF-TOKEN", csrfToken);
    }

    private HttpResponse<String> place(HttpClient browser, String authorization, String csrfToken) throws Exception {
        var body = PlacementJson.onANewTable().json();
        return browser.send(
                write(app.baseUri().resolve("/reservations"), authorization, csrfToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> cancel(HttpClient browser, String id, String authorization, String csrfToken)
            throws Exception {
        return browser.send(
                write(app.baseUri().resolve("/reservations/" + id), authorization, csrfToken)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_apps_own_page_stays_at_its_root_and_reservekits_page_is_under_its_prefix() throws Exception {
        HostAppChecks.assertOwnPageStaysAtItsRoot(app.baseUri(), "Chez Ada");
    }

    @Test
    void a_write_without_the_csrf_token_is_refused_by_the_hosts_security_and_with_it_placed() throws Exception {
        var ada = browser();
        var token = openThePage(ada);

        var withoutToken = place(ada, basic("ada", "ada-secret"), null);
        var withToken = place(ada, basic("ada", "ada-secret"), token);

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).doesNotContain("not-reservation-owner");
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        assertThat(JSON.readTree(withToken.body()).path("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void an_anonymous_write_is_the_hosts_to_refuse() throws Exception {
        var anonymous = browser();
        var token = openThePage(anonymous);

        var response = anonymous.send(
                HttpRequest.newBuilder(app.baseUri().resolve("/reservations"))
                        .header("Accept", "application/json")
                        .header("X-XSRF-TOKEN", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void with_owner_only_bob_may_not_cancel_adas_reservation_and_ada_may() throws Exception {
        var ada = browser();
        var bob = browser();
        var adaToken = openThePage(ada);
        var bobToken = openThePage(bob);
        var placed = place(ada, basic("ada", "ada-secret"), adaToken);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = JSON.readTree(placed.body()).path("id").asText();

        var bobs = cancel(bob, id, basic("bob", "bob-secret"), bobToken);

        var problem = HostAppChecks.assertRefusedAsNotTheOwner(bobs, id);
        assertThat(problem.toString()).doesNotContain("ada");

        var stillAdas = ada.send(
                HttpRequest.newBuilder(app.baseUri().resolve("/reservations/" + id))
                        .header("Authorization", basic("ada", "ada-secret"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(stillAdas.body()).path("status").asText()).isEqualTo("CONFIRMED");

        var adas = cancel(ada, id, basic("ada", "ada-secret"), adaToken);

        assertThat(adas.statusCode()).as(adas.body()).isEqualTo(200);
        assertThat(JSON.readTree(adas.body()).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void in_a_browser_ada_places_on_reservekits_page_with_the_csrf_token_and_bob_is_refused_her_cancel() {
        WebDriver ada = HeadlessChromium.start();
        WebDriver bob = null;
        try {
            String resource = "page-" + UUID.randomUUID().toString().substring(0, 8);
            signInAndOpenTomorrow(ada, "ada", "ada-secret", resource);
            type(ada, "guest", "Ada Lovelace");
            type(ada, "party", "2");
            type(ada, "from", "19:00");
            type(ada, "until", "21:00");
            ada.findElement(By.id("place-button")).click();
            wait(ada).until(d -> outcome(d).getAttribute("class").contains("ok"));
            String id = wait(ada)
                    .until(d -> d.findElement(By.cssSelector("#reservations tbody tr[data-status=CONFIRMED]"))
                            .getAttribute("data-id"));

            bob = HeadlessChromium.start();
            signInAndOpenTomorrow(bob, "bob", "bob-secret", resource);
            clickCancel(bob, id);
            wait(bob).until(d -> outcome(d).getAttribute("class").contains("problem"));
            assertThat(outcome(bob).getText()).contains("Not the reservation's owner", "HTTP 403");

            clickCancel(ada, id);
            wait(ada)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#reservations tbody tr[data-id='" + id + "'][data-status=CANCELLED]")));
            assertThat(outcome(ada).getText()).startsWith("Cancelled");
        } finally {
            ada.quit();
            if (bob != null) {
                bob.quit();
            }
        }
    }

    /** Signs in on Spring Security's login page, then opens ReserveKit's page on {@code resource}'s tomorrow. */
    private void signInAndOpenTomorrow(WebDriver browser, String user, String password, String resource) {
        browser.get(app.baseUri().resolve("/login").toString());
        type(browser, "username", user);
        type(browser, "password", password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait(browser).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(app.baseUri().resolve("/reservekit/#resource=" + resource).toString());
        wait(browser).until(d -> d.findElement(By.id("connection")).getText().startsWith("live"));
        browser.findElement(By.id("next-day")).click();
        wait(browser).until(d -> d.getCurrentUrl().contains("date="));
    }

    private static void clickCancel(WebDriver browser, String id) {
        wait(browser).until(d -> {
            d.findElement(By.cssSelector("#reservations tbody tr[data-id='" + id + "'] button.cancel"))
                    .click();
            return true;
        });
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static WebElement outcome(WebDriver browser) {
        return browser.findElement(By.id("outcome"));
    }

    private static WebDriverWait wait(WebDriver browser) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "the page at " + browser.getCurrentUrl() + " showed: "
                + browser.findElements(By.id("outcome")).stream()
                        .map(WebElement::getText)
                        .findFirst()
                        .orElse(browser.getPageSource()
                                .substring(
                                        0, Math.min(500, browser.getPageSource().length()))));
        return wait;
    }
}
