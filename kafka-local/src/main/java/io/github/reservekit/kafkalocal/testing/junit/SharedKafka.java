package io.github.reservekit.kafkalocal.testing.junit;

import io.github.reservekit.kafkalocal.testing.TestKafka;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one-broker Kafka shared by every class of the test run (started on first use, stopped
 * when the run ends), picked by {@link TestKafka#start}: a Testcontainers container when Docker is available,
 * else Kafka's in-JVM test kit. Declare a {@link TestKafka} parameter on a {@code @BeforeAll},
 * {@code @BeforeEach} or test method to get it.
 *
 * <pre>{@code
 * @SharedKafka
 * class MyIT {
 *     @BeforeAll static void connect(TestKafka kafka) { bootstrap = kafka.bootstrapServers(); }
 * }
 * }</pre>
 *
 * <p>Tests sharing the broker must not step on each other: use unique topics or keys.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SharedKafka.Extension.class)
public @interface SharedKafka {

    /** Resolves {@link TestKafka} parameters to the run's shared backend. */
    final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(SharedKafka.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestKafka.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return kafka(context);
        }

        /**
         * The run's shared backend, started on first use: for a test fixture (an extension of its own) that needs the
         * broker without a {@link TestKafka} parameter.
         */
        public static TestKafka kafka(ExtensionContext context) {
            // The root store lives as long as the test run and closes the backend (AutoCloseable) at its end.
            return context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(TestKafka.class, key -> TestKafka.start(), TestKafka.class);
        }
    }
}
