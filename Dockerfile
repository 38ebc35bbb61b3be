# One image recipe for every service: docker build --build-arg MODULE=appeals-service .
# Stage 1 builds the module (and the modules it needs) with the Maven Wrapper; stage 2 runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B --no-transfer-progress -pl ${MODULE} -am -DskipTests package

FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY --from=build /src/${MODULE}/target/quarkus-app/ /app/
# the JVM options every local run and test uses too (ADR 0020); JAVA_OPTS adds to them
COPY ops/jvm.options /app/jvm.options
RUN useradd --system --uid 1001 app
USER 1001
ENV JAVA_OPTS="" MALLOC_ARENA_MAX=2
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options $JAVA_OPTS -jar /app/quarkus-run.jar"]
