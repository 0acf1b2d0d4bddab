package io.github.reservekit.spring;

import java.util.Arrays;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jetty's accept queue as long as the OS allows (Netty's, in micronaut-app), not Java's default of 50: under a burst
 * new connections must wait to be accepted, to reach ReserveKit's bound on writes in flight and get its fast 503,
 * rather than be refused by a full queue (which failed thousands of them at 1,000 POSTs/s, docs/benchmarks.md).
 * Boot has no property for it.
 */
@Configuration(proxyBeanMethods = false)
class JettyAcceptQueue {

    /** Asked of the OS, which caps it at {@code net.core.somaxconn} (4096 on current Linux). */
    static final int ACCEPT_QUEUE_SIZE = 4096;

    @Bean
    WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> acceptQueueAsLongAsTheOsAllows() {
        return factory -> factory.addServerCustomizers(server -> Arrays.stream(server.getConnectors())
                .filter(ServerConnector.class::isInstance)
                .forEach(connector -> ((ServerConnector) connector).setAcceptQueueSize(ACCEPT_QUEUE_SIZE)));
    }
}
