package io.github.reservekit.contract;

/** Where a shell serves its health, readiness and Prometheus scrape: Spring Boot's actuator or Micronaut's management. */
public record ShellPaths(String health, String readiness, String metrics) {

    /** Spring Boot's actuator paths. */
    public static final ShellPaths SPRING =
            new ShellPaths("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus");

    /** Micronaut management's paths. */
    public static final ShellPaths MICRONAUT = new ShellPaths("/health", "/health/readiness", "/prometheus");
}
