package io.github.reservekit.spring;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * This app is ReserveKit alone, so its {@code /} sends visitors to ReserveKit's page, which lives under ReserveKit's
 * own prefix like in any other app.
 */
@Configuration(proxyBeanMethods = false)
class PageRedirect implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // Relative, so it holds under a servlet context path too.
        registry.addRedirectViewController("/", "reservekit/");
    }
}
