package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page a shell serves at {@code /} (reservation-http's static files), in a real headless browser: a user
 * places a reservation, sees its event arrive in the live view, is refused an overlapping one with the API's own
 * words, and cancels. A shell's test extends this class and registers its {@link ShellUnderTest}, as for {@link
 * HttpContractSuite}. Without Chromium the browser tests are skipped, saying so ({@link HeadlessChromium}); the
 * page's files are checked over plain HTTP either way.
 *
 * <p>Each test uses its own resource, so the tests are independent of each other and of what else is on the topic.
 * A screenshot of the page after the main scenario is saved as {@code target/<test class>.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class PageSuite {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ContractTarget target;
    private WebDriver browser;
    private ApiClient api;

    /** Takes the shell under test from the test class's extension, once it has started it. */
    @BeforeAll
    void aimAt(ContractTarget target) {
        this.target = target;
    }

    /** The shell under test. */
    protected final ContractTarget target() {
        return target;
    }

    protected final ApiClient api() {
        if (api == null) {
            api = new ApiClient(target().baseUri());
        }
        return api;
    }

    private WebDriver browser() {
        if (browser == null) {
            browser = HeadlessChromium.start();
        }
        return browser;
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_page_its_script_and_its_style_are_served_under_reservekits_prefix_never_at_the_root() {
        var page = api().get(DocumentsContract.PREFIX + "/", "Accept", "text/html");
        var script = api().get(DocumentsContract.PREFIX + "/reservekit.js");
        var style = api().get(DocumentsContract.PREFIX + "/reservekit.css");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.mediaType()).isEqualTo("text/html");
        assertThat(page.body()).contains("<title>ReserveKit</title>", "reservekit.js", "reservekit.css");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.mediaType()).endsWith("javascript");
        assertThat(script.body()).contains("reservations/events?after=");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.mediaType()).isEqualTo("text/css");
        assertThat(page.body()).contains("<meta name=\"reservekit-api\" content=\"../\">");
        assertThat(api().get("/reservekit.js").status()).isNotEqualTo(200);
    }

    @Test
    void a_user_places_a_reservation_sees_its_event_arrive_is_refused_an_overlap_and_cancels() {
        String resource = "page-" + UUID.randomUUID();
        openTomorrow(resource);

        place("Ada Lovelace", "2", "19:00", "21:00");
        await().until(d -> outcome().getAttribute("class").contains("ok"));
        assertThat(outcome().getText()).startsWith("Placed: Ada Lovelace, party of 2, 19:00–21:00");
        String id = await().until(d -> d.findElement(By.cssSelector("#reservations tbody tr[data-status=CONFIRMED]"))
                .getAttribute("data-id"));
        String guest = await().until(
                        d -> d.findElement(By.cssSelector("#reservations tbody tr[data-id='" + id + "'] .guest"))
                                .getText());
        assertThat(guest).isEqualTo("Ada Lovelace");
        assertThat(browser().findElements(By.cssSelector("#timeline .block.CONFIRMED[data-id='" + id + "']")))
                .hasSize(1);
        assertThat(api().get("/reservations/" + id).json().path("status").asText())
                .isEqualTo("CONFIRMED");

        await("the placed event in the live view")
                .until(ExpectedConditions.presenceOfElementLocated(eventRow("placed", id, resource)));

        place("Charles Babbage", "4", "20:00", "22:00");
        await().until(d -> outcome().getAttribute("class").contains("problem"));
        var charles =
                PlacementJson.placement(resource, Instant.parse(instant("20:00")), Instant.parse(instant("22:00")));
        var sameRequest = api().postJson(
                        "/reservations",
                        charles.guest("Charles Babbage").partySize(4).json());
        assertThat(sameRequest.status()).isEqualTo(409);
        assertThat(outcome().findElement(By.cssSelector(".title")).getText())
                .isEqualTo(sameRequest.json().path("title").asText());
        assertThat(outcome().findElement(By.cssSelector(".detail")).getText())
                .isEqualTo(sameRequest.json().path("detail").asText())
                .contains(id);
        assertThat(outcome().getText()).contains("HTTP 409");

        await().until(d -> {
            d.findElement(By.cssSelector("#reservations tbody tr[data-id='" + id + "'] button.cancel"))
                    .click();
            return true;
        });
        await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#reservations tbody tr[data-id='" + id + "'][data-status=CANCELLED]")));
        assertThat(outcome().getText()).startsWith("Cancelled: Ada Lovelace's reservation " + id);
        assertThat(api().get("/reservations/" + id).json().path("status").asText())
                .isEqualTo("CANCELLED");
        await("the cancelled event in the live view")
                .until(ExpectedConditions.presenceOfElementLocated(eventRow("cancelled", id, resource)));

        screenshot();
    }

    @Test
    void a_resources_capacity_and_free_time_show_a_hold_counts_down_is_confirmed_and_moved_and_a_hold_expires() {
        String resource = "page-pool-" + UUID.randomUUID();
        assertThat(api().putJson("/resources/" + resource, "{\"capacity\":2,\"name\":\"Window seats\"}")
                        .status())
                .isEqualTo(200);
        openTomorrow(resource);
        await("the capacity")
                .until(d -> d.findElement(By.id("resource-info")).getText().contains("capacity 2 units"));
        assertThat(browser().findElement(By.id("resource-info")).getText()).startsWith("Window seats");
        assertThat(browser().findElements(By.cssSelector("#timeline .free")))
                .as("a day with nothing booked is free")
                .isNotEmpty();

        new Select(browser().findElement(By.id("hold"))).selectByValue("PT10M");
        type("units", "2");
        place("Ada Lovelace", "2", "19:00", "21:00");
        String held = await("the hold")
                .until(d -> d.findElement(By.cssSelector("#reservations tbody tr[data-status=HELD]"))
                        .getAttribute("data-id"));
        // The row is drawn anew every second while its countdown runs: read it where a stale element is read again.
        String countdown = await("the countdown")
                .until(d -> d.findElement(By.cssSelector("#reservations tr[data-id='" + held + "'] .countdown"))
                        .getText());
        assertThat(countdown).matches("expires in (9|10):[0-5][0-9]");
        String units = await("the units")
                .until(d -> d.findElement(By.cssSelector("#reservations tr[data-id='" + held + "'] .units"))
                        .getText());
        assertThat(units).isEqualTo("2");

        clickIn(held, "button.confirm");
        await("confirmed")
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#reservations tbody tr[data-id='" + held + "'][data-status=CONFIRMED]")));
        assertThat(api().get("/reservations/" + held).json().path("status").asText())
                .isEqualTo("CONFIRMED");

        type("from", "20:00");
        type("until", "22:00");
        clickIn(held, "button.move");
        await("moved").until(d -> outcome().getText().startsWith("Moved: "));
        assertThat(api().get("/reservations/" + held).json().path("startsAt").asText())
                .isEqualTo(instant("20:00"));

        new Select(browser().findElement(By.id("hold"))).selectByValue("PT5S");
        type("units", "1");
        place("Grace Hopper", "1", "08:00", "09:00");
        String expiring = await("the short hold")
                .until(d -> d.findElement(By.cssSelector("#reservations tbody tr[data-status=HELD]"))
                        .getAttribute("data-id"));
        await("the hold expired on the page")
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#reservations tbody tr[data-id='" + expiring + "'][data-status=EXPIRED]")));
        new Select(browser().findElement(By.id("hold"))).selectByValue("");
    }

    private void clickIn(String reservationId, String button) {
        await().until(d -> {
            d.findElement(By.cssSelector("#reservations tbody tr[data-id='" + reservationId + "'] " + button))
                    .click();
            return true;
        });
    }

    @Test
    void when_kafka_is_gone_the_page_shows_the_apis_503_problem() {
        assumeTrue(target().canStopKafka(), "this target cannot stop its Kafka brokers, so no outage is shown");
        String resource = "page-" + UUID.randomUUID();
        openTomorrow(resource);

        target().stopKafka();
        try {
            place("Grace Hopper", "3", "12:00", "13:00");
            await("the 503 problem").until(d -> outcome().getText().contains("HTTP 503"));
            assertThat(outcome().getAttribute("class")).contains("problem");
            assertThat(outcome().findElement(By.cssSelector(".title")).getText())
                    .isNotBlank();
            assertThat(outcome().findElement(By.cssSelector(".detail")).getText())
                    .isNotBlank();
            assertThat(outcome().findElements(By.xpath(".//dt[text()='Retry-After']")))
                    .hasSize(1);
        } finally {
            target().startKafka();
        }
    }

    private void openTomorrow(String resource) {
        browser()
                .get(target().baseUri()
                        .resolve(DocumentsContract.PREFIX + "/#resource=" + resource)
                        .toString());
        await("the live view connected")
                .until(d -> d.findElement(By.id("connection")).getText().startsWith("live"));
        browser().findElement(By.id("next-day")).click();
        await().until(d -> d.getCurrentUrl().contains("date="));
    }

    private void place(String guest, String party, String from, String until) {
        type("guest", guest);
        type("party", party);
        type("from", from);
        type("until", until);
        browser().findElement(By.id("place-button")).click();
    }

    private void type(String id, String text) {
        WebElement field = browser().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private WebElement outcome() {
        return browser().findElement(By.id("outcome"));
    }

    private static By eventRow(String type, String reservationId, String resource) {
        return By.cssSelector("#events tbody tr[data-type='" + type + "'][data-reservation='" + reservationId
                + "'][data-resource='" + resource + "']");
    }

    /** The instant the page sends for a time of the day shown (tomorrow, in the browser's time zone). */
    private String instant(String time) {
        String date = browser().getCurrentUrl().replaceAll(".*date=(\\d{4}-\\d{2}-\\d{2}).*", "$1");
        Object iso = ((org.openqa.selenium.JavascriptExecutor) browser())
                .executeScript(
                        "const [y, m, d] = arguments[0].split('-').map(Number);"
                                + " const [h, min] = arguments[1].split(':').map(Number);"
                                + " return new Date(y, m - 1, d, h, min).toISOString().replace('.000Z', 'Z');",
                        date,
                        time);
        return String.valueOf(iso);
    }

    private WebDriverWait await() {
        return await("the page");
    }

    /** Waits, and on a timeout says what the page showed, so that a failure explains itself. */
    private WebDriverWait await(String what) {
        var wait = new WebDriverWait(browser(), PATIENCE);
        // The page re-renders its list as the live view polls: an element found a moment ago may be replaced.
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "waiting for " + what + "; the page's outcome box said: "
                + browser().findElement(By.id("outcome")).getText() + "; its day's list: "
                + browser().findElement(By.id("reservations")).getText());
        return wait;
    }

    private void screenshot() {
        byte[] png = ((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES);
        try {
            Path file = Path.of("target", getClass().getSimpleName() + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot", e);
        }
    }
}
