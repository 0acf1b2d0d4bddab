package io.github.reservekit.kafkalocal.testing.junit;

import io.github.reservekit.kafkalocal.testing.DockerAvailability;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the annotated test class or method only when a Docker engine is reachable; otherwise JUnit reports it
 * SKIPPED with the reason {@code Docker not available: ...}, so a run without Docker shows what it did not
 * test instead of passing silently.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EnabledIfDockerAvailable.Condition.class)
public @interface EnabledIfDockerAvailable {

    /** The condition behind the annotation. */
    final class Condition implements ExecutionCondition {

        private static final java.util.Set<String> REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            var docker = DockerAvailability.check();
            if (docker.available()) {
                return ConditionEvaluationResult.enabled("Docker available: " + docker.reason());
            }
            String reason = "Docker not available: " + docker.reason();
            if (REPORTED.add(context.getUniqueId())) {
                System.out.println("[kafka-local] SKIPPED " + context.getDisplayName() + ": " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
