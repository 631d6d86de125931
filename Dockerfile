# Builds and runs LVS Sync; used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY routes routes
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app lvssync
WORKDIR /app
COPY --from=build /src/target/lvs-sync.jar /app/lvs-sync.jar
USER lvssync
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/lvs-sync.jar"]
