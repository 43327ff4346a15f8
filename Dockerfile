# The service alone, for docker-compose.yml (which pairs it with a Neo4j server).
#   docker build -t themegraph .
# Stage 1 builds the jar with the project's own pom; stage 2 runs it on a JRE 21.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY cypher cypher
COPY seed-data seed-data
RUN mvn -B -q -DskipTests package && cp target/themegraph-*.jar /themegraph.jar

FROM eclipse-temurin:21-jre
# curl only for the health check below.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app themegraph
WORKDIR /app
COPY --from=build /themegraph.jar /app/themegraph.jar
USER themegraph
# Inside its own container the service must listen beyond loopback to be reachable at all;
# docker-compose.yml publishes the port on the host's 127.0.0.1 only.
ENV THEMEGRAPH_HTTP_ADDRESS=0.0.0.0
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/themegraph.jar"]
