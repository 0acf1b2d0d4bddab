package io.github.reservekit.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot shell of ReserveKit. Scans {@code io.github.reservekit.spring} only; the core is wired by hand. */
@SpringBootApplication
public class ReserveKitSpringApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReserveKitSpringApplication.class, args);
    }
}
