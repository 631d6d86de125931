package nl.lvssync.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import nl.lvssync.notification.OutboxEntry.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every outbox statement on PostgreSQL (the production database): the local server on 127.0.0.1:5432, in a
 * database of this test's own, dropped afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class PostgresNotificationTest {

    static final nl.lvssync.PostgresTestDatabase DATABASE = nl.lvssync.PostgresTestDatabase.create();
    static final int SMTP_PORT = Fixtures.freePort();
    static GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        smtp.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        nl.lvssync.TestSchools.postgres(r, DATABASE);
        r.add("lvs-sync.clock.fixed", () -> "2026-11-20T09:00:00Z");
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP_PORT);
        r.add("lvs-sync.notifications.initial-backoff", () -> "1m");
        r.add("lvs-sync.notifications.max-attempts", () -> "2");
        r.add("lvs-sync.admin-emails[0]", () -> "beheer@swv.example");
        r.add("lvs-sync.schools[0].id", () -> "PG01");
        r.add("lvs-sync.schools[0].name", () -> "Postgres College");
        r.add("lvs-sync.schools[0].lvs", () -> "csv");
        r.add("lvs-sync.schools[0].coordinators[0].name", () -> "A");
        r.add("lvs-sync.schools[0].coordinators[0].email", () -> "a@pg.example");
        r.add("lvs-sync.schools[0].coordinators[0].classes", () -> "3*");
        r.add("lvs-sync.schools[0].coordinators[1].name", () -> "B");
        r.add("lvs-sync.schools[0].coordinators[1].email", () -> "b@pg.example");
        r.add("lvs-sync.schools[0].coordinators[1].classes", () -> "1*");
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        DATABASE.drop();
    }

    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    DigestJob digest;
    @Autowired
    OutboxRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theOutboxWorksOnPostgresql() throws Exception {
        clock.setLocal("2026-11-20T10:00");
        Fixtures.student(jdbc, clock, "PG01", "S1", "Jan", "de", "Vries", "3a", null);
        Map<String, Object> alert = Fixtures.alert(jdbc, clock, "pg-1", "PG01", "S1", "Jan de Vries", "3a", "LEGAL_16H",
                null, "2026-11-02", "2026-11-17", "16", "2026-11-24", "OPEN");
        NotificationEvent raised = new NotificationEvent("alert.raised", "PG01", "pg-1", "system", alert, null);
        tx.executeWithoutResult(s -> {
            outbox.enqueue(raised);
            outbox.enqueue(raised); // de-duplicated without aborting the caller's transaction
            outbox.enqueue(new NotificationEvent("sync.failed", "PG01", null, "system", null, "HTTP 503"));
            outbox.enqueue(new NotificationEvent("sync.failed", "PG01", null, "system", null, "HTTP 503 again"));
        });
        assertThat(repository.countPending()).isEqualTo(2);

        assertThat(dispatcher.deliverAllDue().sent()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        assertThat(digest.run()).isEqualTo(2); // PG01 never synced: stale, so both; A also has the open alert (3a)
        jdbc.sql("UPDATE school SET last_success_at = ?").param(Timestamp.from(clock.instant())).update();
        smtp.stop();
        assertThat(dispatcher.deliverAllDue().retrying()).isEqualTo(3); // two digests and school.stale
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.deliverAllDue().parked()).isEqualTo(3);
        assertThat(repository.list(Status.PARKED, "PG01", 10)).hasSize(3);
        assertThat(repository.list(null, null, 10)).hasSize(5);

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        for (OutboxEntry parked : repository.list(Status.PARKED, null, 10)) {
            assertThat(repository.retry(parked.id(), clock.instant())).isTrue();
        }
        assertThat(dispatcher.deliverAllDue().sent()).isEqualTo(3);
        assertThat(repository.list(Status.SENT, null, 10)).hasSize(5);
        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getSubject())
                .containsExactlyInAnyOrder("[LVS Sync] PG01 Postgres College — dagoverzicht 20-11-2026",
                        "[LVS Sync] PG01 Postgres College — dagoverzicht 20-11-2026",
                        "[LVS Sync] PG01 Postgres College — gegevens verouderd");
    }
}
