package nl.lvssync;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Test configuration shared by the Spring Boot tests: an in-memory database and Magister-shaped schools. */
public final class TestSchools {

    private TestSchools() {
    }

    /** An in-memory H2 in PostgreSQL mode, a fixed clock, and nothing that runs by itself. */
    public static void quietService(DynamicPropertyRegistry registry, String database, String fixedClock) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("lvs-sync.clock.fixed", () -> fixedClock);
        registry.add("lvs-sync.sync.run-at-startup", () -> "false");
        registry.add("lvs-sync.sync.schedules-enabled", () -> "false");
        registry.add("lvs-sync.simulator.enabled", () -> "false");
    }

    /** User {@code admin} (password {@code secret}) with role ADMIN, as the first configured user. */
    public static void admin(DynamicPropertyRegistry registry) {
        registry.add("lvs-sync.security.users[0].username", () -> "admin");
        registry.add("lvs-sync.security.users[0].password", () -> "{noop}secret");
        registry.add("lvs-sync.security.users[0].roles[0]", () -> "ADMIN");
    }

    /** The service on a PostgreSQL database of the test's own (profile postgres's datasource, overridden). */
    public static void postgres(DynamicPropertyRegistry registry, PostgresTestDatabase database) {
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** School number index: a Magister school at baseUrl, with the code table AB unexcused and ZK sick. */
    public static void magister(DynamicPropertyRegistry registry, int index, String id, String baseUrl) {
        String p = "lvs-sync.schools[" + index + "].";
        registry.add(p + "id", () -> id);
        registry.add(p + "name", () -> "School " + id);
        registry.add(p + "lvs", () -> "magister");
        registry.add(p + "region", () -> "noord");
        registry.add(p + "base-url", () -> baseUrl);
        registry.add(p + "auth.token-url", () -> baseUrl + "/connect/token");
        registry.add(p + "auth.client-id", () -> "lvs-sync");
        registry.add(p + "auth.client-secret", () -> "secret");
        registry.add(p + "magister.webservices-user", () -> "ws");
        registry.add(p + "magister.webservices-password", () -> "pw");
        registry.add(p + "codes.AB", () -> "UNEXCUSED");
        registry.add(p + "codes.ZK", () -> "SICK");
    }
}
