package io.github.reservekit.contract;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless browser for the page's tests: the machine's own Chromium and ChromeDriver (Debian's {@code
 * chromium} and {@code chromium-driver}, which {@code bash .ci/run} installs), driven through Selenium. Both are
 * named explicitly, so Selenium Manager never downloads a browser or a driver.
 *
 * <p>Where either is missing, {@link #start()} aborts the calling test, saying what to install: the test is
 * reported as skipped with that reason, never as passed.
 */
public final class HeadlessChromium {

    /** Where to look, in order; {@code CHROME_BIN} and {@code CHROMEDRIVER} name others. */
    private static final List<String> BROWSERS =
            List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private HeadlessChromium() {}

    /**
     * Starts a headless Chromium through its ChromeDriver, 1400 x 1000 pixels; the caller quits it.
     *
     * @throws org.opentest4j.TestAbortedException when no Chromium or no ChromeDriver is installed
     */
    public static WebDriver start() {
        Optional<Path> browser = find("CHROME_BIN", BROWSERS, "chromium");
        Optional<Path> driver = find("CHROMEDRIVER", DRIVERS, "chromedriver");
        Assumptions.assumeTrue(
                browser.isPresent() && driver.isPresent(),
                () -> "no headless browser here (chromium: "
                        + browser.map(Path::toString).orElse("not found")
                        + ", chromedriver: " + driver.map(Path::toString).orElse("not found")
                        + "): install the Debian packages chromium and chromium-driver (bash .ci/run does), or set CHROME_BIN"
                        + " and CHROMEDRIVER, to run the page's browser test");
        var options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1400,1000",
                "--lang=en-GB");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        var chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static Optional<Path> find(String variable, List<String> candidates, String command) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Stream.concat(candidates.stream().map(Path::of), onPath(command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Stream<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Stream.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command));
    }
}
