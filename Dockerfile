# syntax=docker/dockerfile:1
# ReserveKit's apps, one Dockerfile for both: APP is the module to build and run, PORT the port it serves on.
# The build context is the repository root (as in docker-compose.yml):
#   docker build --build-arg APP=spring-app --build-arg PORT=8080 -t reservekit/spring-app .
#   docker run -p 8080:8080 -e SPRING_KAFKA_BOOTSTRAP_SERVERS=host.docker.internal:9092 reservekit/spring-app
#   docker build --build-arg APP=micronaut-app --build-arg PORT=8081 -t reservekit/micronaut-app .
#   docker run -p 8081:8081 -e KAFKA_BOOTSTRAP_SERVERS=host.docker.internal:9092 reservekit/micronaut-app
# Kafka is found through the app's own variable (comma-separated host:port list): SPRING_KAFKA_BOOTSTRAP_SERVERS for
# spring-app, KAFKA_BOOTSTRAP_SERVERS for micronaut-app.

# Build with the project's own Maven wrapper on a JDK 25; the cache mount keeps ~/.m2 between builds.
FROM eclipse-temurin:25-jdk AS build
ARG APP
ARG PORT
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 set -eu; \
    : "${APP:?set --build-arg APP=spring-app or APP=micronaut-app}"; \
    : "${PORT:?set --build-arg PORT to the port the app serves on (8080 for spring-app, 8081 for micronaut-app)}"; \
    ./mvnw -B -q -pl "$APP" -am -DskipTests -Dspotless.check.skip=true package; \
    jars=$(find "$APP/target" -maxdepth 1 -name "$APP-*.jar" \
        ! -name '*-sources.jar' ! -name '*-tests.jar' ! -name '*-javadoc.jar'); \
    if [ "$(printf '%s\n' "$jars" | grep -c .)" -ne 1 ]; then \
        echo "expected exactly one runnable $APP jar, found: $jars" >&2; exit 1; \
    fi; \
    cp "$jars" /app.jar

# Run the app jar on a JRE 25 as an unprivileged user.
FROM eclipse-temurin:25-jre
ARG PORT
RUN groupadd --system reservekit && useradd --system --gid reservekit --no-create-home reservekit
WORKDIR /app
COPY --from=build /app.jar app.jar
USER reservekit
EXPOSE ${PORT}
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
