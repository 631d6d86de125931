package nl.lvssync.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncRunFinished;
import nl.lvssync.sync.SyncStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Email notifications against a real SMTP server (GreenMail) in the test JVM. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
class EmailNotificationTest {

    static final int SMTP_PORT = Fixtures.freePort();
    static GreenMail smtp = startSmtp();

    static final String JDEVRIES = "j.devries@diamant.example";
    static final String ONDERBOUW = "onderbouw@diamant.example";
    static final String BOVENBOUW = "bovenbouw@diamant.example";
    static final String ADMIN = "beheer@swv.example";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("lvs-sync.clock.fixed", () -> "2026-11-20T09:00:00Z");
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP_PORT);
        r.add("lvs-sync.mail.from", () -> "LVS Sync <noreply@lvs-sync.test>");
        r.add("lvs-sync.mail.dashboard-url", () -> "https://lvs-sync.example/");
        r.add("lvs-sync.mail.timeout", () -> "2s");
        r.add("lvs-sync.notifications.initial-backoff", () -> "1m");
        r.add("lvs-sync.notifications.max-backoff", () -> "10m");
        r.add("lvs-sync.notifications.max-attempts", () -> "4");
        r.add("lvs-sync.admin-emails[0]", () -> ADMIN);
        r.add("lvs-sync.security.users[0].username", () -> "admin");
        r.add("lvs-sync.security.users[0].password", () -> "{noop}secret");
        r.add("lvs-sync.security.users[0].roles[0]", () -> "ADMIN");
        r.add("lvs-sync.security.users[1].username", () -> "j.devries");
        r.add("lvs-sync.security.users[1].password", () -> "{noop}secret");
        r.add("lvs-sync.security.users[1].roles[0]", () -> "COORDINATOR");
        r.add("lvs-sync.security.users[1].schools[0]", () -> "02YM00");
        school(r, 0, "02YM00", "Diamant College");
        coordinator(r, 0, 0, "J. de Vries", JDEVRIES, "j.devries", null, null);
        coordinator(r, 0, 1, "Onderbouw", ONDERBOUW, "onderbouw", "1*,2*", null);
        coordinator(r, 0, 2, "Bovenbouw", BOVENBOUW, "bovenbouw", "3*,4*,5*,6*", "Hoofdlocatie");
        school(r, 1, "03AB00", "Robijn Lyceum");
        coordinator(r, 1, 0, "J. de Vries", JDEVRIES, "j.devries", null, null);
        school(r, 2, "04CD00", "Saffier School");
        coordinator(r, 2, 0, "Saffier", "verzuim@saffier.example", "saffier", null, null);
    }

    static void school(DynamicPropertyRegistry r, int i, String id, String name) {
        r.add("lvs-sync.schools[" + i + "].id", () -> id);
        r.add("lvs-sync.schools[" + i + "].name", () -> name);
        r.add("lvs-sync.schools[" + i + "].lvs", () -> "csv");
    }

    static void coordinator(DynamicPropertyRegistry r, int school, int i, String name, String email, String username,
                            String classes, String locations) {
        String p = "lvs-sync.schools[" + school + "].coordinators[" + i + "].";
        r.add(p + "name", () -> name);
        r.add(p + "email", () -> email);
        r.add(p + "username", () -> username);
        if (classes != null) {
            r.add(p + "classes", () -> classes);
        }
        if (locations != null) {
            r.add(p + "locations", () -> locations);
        }
    }

    static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    DigestJob digest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        if (!smtp.isRunning()) {
            smtp = startSmtp();
        }
        smtp.purgeEmailFromAllMailboxes();
        Fixtures.clean(jdbc);
        clock.setLocal("2026-11-20T10:00"); // a Friday morning: no quiet hours
        Fixtures.student(jdbc, clock, "02YM00", "S1", "Jan", "de", "Vries", "3a", "Hoofdlocatie");
        Fixtures.student(jdbc, clock, "02YM00", "S2", "Fatima", null, "Bakker", "1b", "Hoofdlocatie");
    }

    @AfterEach
    void smtpBackUp() {
        if (!smtp.isRunning()) {
            smtp = startSmtp();
        }
    }

    int alerts;

    /** A LEGAL_16H alert for J. de Vries (3a, Hoofdlocatie); each one starts a day later (the V2 natural key). */
    Map<String, Object> legal16h(String id) {
        String start = java.time.LocalDate.of(2026, 1, 12).plusDays(alerts++).toString();
        return Fixtures.alert(jdbc, clock, id, "02YM00", "S1", "Jan de Vries", "3a", "LEGAL_16H", null,
                start, "2026-01-29", "16.0", "2026-02-05", "OPEN");
    }

    void enqueue(NotificationEvent event) {
        tx.executeWithoutResult(status -> outbox.enqueue(event));
    }

    @Test
    void aRaisedAlertMailsTheCoordinatorsOfThatClassAndLocationWithTheLeastData() throws Exception {
        Map<String, Object> alert = legal16h("a-16h");
        enqueue(new NotificationEvent("alert.raised", "02YM00", "a-16h", "system", alert, null));

        String summary = dispatcher.afterSyncOnce();

        assertThat(summary).startsWith("notifications: sent=2");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(recipients(mails)).containsExactlyInAnyOrder(JDEVRIES, BOVENBOUW);
        MimeMessage mail = mails[0];
        assertThat(mail.getSubject())
                .isEqualTo("[LVS Sync] 02YM00 Diamant College — LEGAL_16H: 16 uur ongeoorloofd verzuim (J. de Vries, 3a)");
        assertThat(mail.getFrom()[0].toString()).contains("noreply@lvs-sync.test");
        assertThat(mail.getHeader("Message-ID")[0]).matches("<lvs-sync\\.\\d+\\.[0-9a-f]{12}@lvs-sync\\.test>");
        assertThat(mail.getHeader("X-LvsSync-Event-Id")[0]).startsWith("alert.raised:a-16h");

        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(html.getContentType()).startsWith("text/html");
        String plain = (String) text.getContent();
        assertThat(plain).contains("Beste ", "J. de Vries", "3a", "LEGAL_16H", "16 uur ongeoorloofd verzuim",
                "12-01-2026 t/m 29-01-2026", "05-02-2026", "bij DUO worden gemeld",
                "https://lvs-sync.example/alerts/a-16h");
        assertThat((String) html.getContent()).contains("<a href=\"https://lvs-sync.example/alerts/a-16h\">")
                .contains("J. de Vries");
        for (MimeMessage m : mails) {
            String whole = GreenMailUtil.getWholeMessage(m);
            assertThat(whole).doesNotContain(Fixtures.BSN).doesNotContain("Jan de Vries").doesNotContain("griep");
        }
        List<Map<String, Object>> rows = jdbc.sql("SELECT status, sent_how, attempts FROM notification_outbox").query().listOfRows();
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("SENT");
            assertThat(row.get("sent_how").toString()).startsWith("email <lvs-sync.");
            assertThat(row.get("attempts")).isEqualTo(1);
        });
    }

    @Test
    void theOutboxRowsAreWrittenInTheCallersTransactionAndDeduplicatedByEventId() {
        Map<String, Object> alert = legal16h("a-tx");
        NotificationEvent raised = new NotificationEvent("alert.raised", "02YM00", "a-tx", "system", alert, null);
        tx.executeWithoutResult(status -> {
            outbox.enqueue(raised);
            status.setRollbackOnly(); // the alert change failed: its notifications go with it
        });
        assertThat(count("SELECT COUNT(*) FROM notification_outbox")).isZero();

        enqueue(raised);
        enqueue(raised);
        assertThat(count("SELECT COUNT(*) FROM notification_outbox")).isEqualTo(2);
        dispatcher.deliverAllDue();
        enqueue(raised);
        dispatcher.deliverAllDue();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void theActorIsNotToldOfTheirOwnChange() throws Exception {
        Map<String, Object> alert = legal16h("a-withdrawn");
        alert.put("status", "WITHDRAWN");
        enqueue(new NotificationEvent("alert.withdrawn", "02YM00", "a-withdrawn", "j.devries", alert,
                "Dit signaal was al gemeld: trek de melding in bij DUO (status \"Ingetrokken\")."));
        dispatcher.deliverAllDue();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(recipients(mails)).containsExactly(BOVENBOUW);
        assertThat(mails[0].getSubject()).startsWith("[LVS Sync] 02YM00 Diamant College — LEGAL_16H:").endsWith("— ingetrokken");
        assertThat(plainText(mails[0])).contains("ingetrokken").contains("trek de melding in bij DUO");
    }

    @Test
    void zorgwekkendZiekteverzuimCarriesNoHealthDetails() throws Exception {
        Map<String, Object> alert = Fixtures.alert(jdbc, clock, "a-mazl", "02YM00", "S2", "Fatima Bakker", "1b", "MAZL",
                null, "2026-11-02", "2026-11-19", "24", null, "OPEN");
        enqueue(new NotificationEvent("alert.raised", "02YM00", "a-mazl", "system", alert, null));
        dispatcher.deliverAllDue();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(recipients(mails)).containsExactlyInAnyOrder(JDEVRIES, ONDERBOUW);
        assertThat(mails[0].getSubject()).isEqualTo("[LVS Sync] 02YM00 Diamant College — MAZL: zorgwekkend ziekteverzuim (F. Bakker, 1b)");
        for (MimeMessage m : mails) {
            String whole = GreenMailUtil.getWholeMessage(m);
            assertThat(whole).contains("zorgwekkend ziekteverzuim").doesNotContain("griep").doesNotContain("ZK")
                    .doesNotContain("Uren").doesNotContain(Fixtures.BSN);
        }
    }

    @Test
    void mazlsTwoConditionsAreNamedAndTheAlertPageShowsWhich() throws Exception {
        // R5's two conditions are separate alerts on the same start date; each message says which one it is
        Map<String, Object> lang = Fixtures.alert(jdbc, clock, "a-lang", "02YM00", "S2", "Fatima Bakker", "1b", "MAZL",
                "LONG", "2026-02-13", "2026-03-02", null, null, "OPEN");
        Map<String, Object> vaak = Fixtures.alert(jdbc, clock, "a-vaak", "02YM00", "S2", "Fatima Bakker", "1b", "MAZL",
                "EPISODES", "2026-02-13", "2026-05-06", null, null, "OPEN");
        enqueue(new NotificationEvent("alert.raised", "02YM00", "a-lang", "system", lang, null));
        enqueue(new NotificationEvent("alert.raised", "02YM00", "a-vaak", "system", vaak, null));
        dispatcher.deliverAllDue();

        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            subjects.add(m.getSubject());
            assertThat(GreenMailUtil.getWholeMessage(m)).doesNotContain("griep").doesNotContain("ZK").doesNotContain(Fixtures.BSN);
        }
        assertThat(subjects).contains(
                "[LVS Sync] 02YM00 Diamant College — MAZL: zorgwekkend ziekteverzuim, lang aaneen ziek (F. Bakker, 1b)",
                "[LVS Sync] 02YM00 Diamant College — MAZL: zorgwekkend ziekteverzuim, vaak ziek gemeld (F. Bakker, 1b)");
        mvc.perform(get("/alerts/a-vaak").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<h1>MAZL / EPISODES</h1>")))
                .andExpect(content().string(containsString("vaak ziek gemeld")));
    }

    @Test
    void nothingIsSentDuringQuietHoursAndWhatWaitedGoesOutAtTheirEnd() {
        clock.setLocal("2026-11-20T23:00");
        enqueue(new NotificationEvent("alert.raised", "02YM00", "a-night", "system", legal16h("a-night"), null));

        assertThat(dispatcher.deliverAllDue().deferred()).isEqualTo(2);
        clock.setLocal("2026-11-21T06:59");
        assertThat(dispatcher.deliverAllDue().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        clock.setLocal("2026-11-21T07:00");
        assertThat(dispatcher.deliverAllDue().sent()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aFailedSyncMailsTheAdministratorsOncePerSchoolPerDay() throws Exception {
        failedRun("02YM00", "LVS of school 02YM00 could not be read: HTTP 503");
        failedRun("02YM00", "LVS of school 02YM00 could not be read: HTTP 503");
        clock.advance(Duration.ofHours(3));
        failedRun("02YM00", "LVS of school 02YM00 could not be read: connect timed out");
        failedRun("03AB00", "LVS of school 03AB00 could not be read: HTTP 500");
        dispatcher.deliverAllDue();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(recipients(mails)).containsExactly(ADMIN, ADMIN);
        assertThat(Arrays.stream(mails).map(this::subject))
                .containsExactlyInAnyOrder("[LVS Sync] 02YM00 Diamant College — synchronisatie mislukt",
                        "[LVS Sync] 03AB00 Robijn Lyceum — synchronisatie mislukt");
        assertThat(plainText(mails[0])).contains("HTTP 503").contains("hoogstens één bericht per school per dag");

        clock.setLocal("2026-11-21T10:00");
        failedRun("02YM00", "still down");
        dispatcher.deliverAllDue();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void theDailyDigestListsOpenAlertsDeadlinesAndStaleSchoolsOncePerCoordinatorPerDay() throws Exception {
        Instant twoHoursAgo = clock.instant().minus(Duration.ofHours(2));
        jdbc.sql("UPDATE school SET last_success_at = ? WHERE id IN ('02YM00', '04CD00')").param(Timestamp.from(twoHoursAgo)).update();
        // 03AB00 never synced: stale
        Fixtures.alert(jdbc, clock, "d-open", "02YM00", "S1", "Jan de Vries", "3a", "LEGAL_16H", null,
                "2026-11-02", "2026-11-17", "16", "2026-11-24", "OPEN");
        Fixtures.alert(jdbc, clock, "d-ack", "02YM00", "S2", "Fatima Bakker", "1b", "SIGNAL", "LATE",
                "2026-10-20", "2026-11-13", null, null, "ACKNOWLEDGED");
        Fixtures.alert(jdbc, clock, "d-reported", "02YM00", "S1", "Jan de Vries", "3a", "LUXE", null,
                "2026-10-26", "2026-10-26", "6", "2026-11-02", "REPORTED");
        Fixtures.alert(jdbc, clock, "d-closed", "02YM00", "S2", "Fatima Bakker", "1b", "SIGNAL", "HOURS",
                "2026-09-01", "2026-09-20", "8", null, "CLOSED");

        assertThat(digest.run()).isEqualTo(3);
        assertThat(digest.run()).as("a second run on the same day adds nothing").isZero();
        dispatcher.deliverAllDue();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(recipients(mails)).containsExactlyInAnyOrder(JDEVRIES, ONDERBOUW, BOVENBOUW, ADMIN);
        MimeMessage forJdevries = to(mails, JDEVRIES);
        assertThat(forJdevries.getSubject()).isEqualTo("[LVS Sync] 02YM00, 03AB00 — dagoverzicht 20-11-2026");
        String body = plainText(forJdevries);
        assertThat(body).contains("vrijdag 20 november 2026", "Termijnen deze week", "dinsdag 24-11", "Openstaande signalen (2)",
                "J. de Vries (3a)", "F. Bakker (1b)", "signaalverzuim, vaak te laat", "Verouderde gegevens",
                "03AB00 Robijn Lyceum: nog nooit geslaagd gesynchroniseerd", "https://lvs-sync.example/alerts/d-open")
                .doesNotContain("d-reported").doesNotContain("d-closed").doesNotContain(Fixtures.BSN);
        assertThat(plainText(to(mails, ONDERBOUW))).contains("F. Bakker").doesNotContain("J. de Vries");
        assertThat(plainText(to(mails, BOVENBOUW))).contains("J. de Vries").doesNotContain("F. Bakker");
        assertThat(subject(to(mails, ADMIN))).isEqualTo("[LVS Sync] 03AB00 Robijn Lyceum — gegevens verouderd");

        smtp.purgeEmailFromAllMailboxes();
        clock.setLocal("2026-11-21T07:00");
        jdbc.sql("UPDATE school SET last_success_at = ?").param(Timestamp.from(clock.instant())).update();
        jdbc.sql("UPDATE alert SET status = 'CLOSED'").update();
        assertThat(digest.run()).as("nothing to report: no digest").isZero();
    }

    @Test
    void mailWaitsWhileTheSmtpServerIsDownAndArrivesExactlyOnceWhenItIsBack() throws Exception {
        smtp.stop();
        for (int i = 0; i < 3; i++) {
            enqueue(new NotificationEvent("alert.raised", "02YM00", "a-down-" + i, "system", legal16h("a-down-" + i), null));
        }
        assertThat(dispatcher.deliverAllDue().retrying()).isEqualTo(6);
        assertThat(dispatcher.deliverAllDue().handled()).as("backoff: nothing is due yet").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.deliverAllDue().retrying()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT last_error FROM notification_outbox").query(String.class).list())
                .allSatisfy(error -> assertThat(error).startsWith("SMTP: "));

        smtp = startSmtp();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.deliverAllDue().handled()).as("second backoff is 2 minutes").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.deliverAllDue().sent()).isEqualTo(6);
        clock.advance(Duration.ofHours(2));
        assertThat(dispatcher.deliverAllDue().handled()).isZero();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(6);
        assertThat(Arrays.stream(mails).map(m -> header(m, "Message-ID")).distinct()).hasSize(6);
        assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT' AND attempts = 3")).isEqualTo(6);
    }

    @Test
    void afterTheLastAttemptAMessageIsParkedListedForAdministratorsAndCanBeRetried() throws Exception {
        smtp.stop();
        enqueue(new NotificationEvent("alert.overdue", "02YM00", "a-park", "system", legal16h("a-park"), null));
        for (int attempt = 1; attempt <= 4; attempt++) {
            dispatcher.deliverAllDue();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE status = 'PARKED' AND attempts = 4")).isEqualTo(2);
        assertThat(dispatcher.deliverAllDue().handled()).as("a parked message is not retried by itself").isZero();

        mvc.perform(get("/api/notifications").param("status", "PARKED").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].status").value("PARKED"))
                .andExpect(jsonPath("$[0].type").value("alert.overdue"))
                .andExpect(jsonPath("$[0].lastError").value(org.hamcrest.Matchers.startsWith("na 4 pogingen: SMTP: ")));
        mvc.perform(get("/api/notifications").param("status", "PARKED").with(httpBasic("j.devries", "secret")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications").param("status", "PARKED"))
                .andExpect(status().isUnauthorized());

        smtp = startSmtp();
        List<Long> ids = jdbc.sql("SELECT id FROM notification_outbox").query(Long.class).list();
        for (long id : ids) {
            mvc.perform(post("/api/notifications/{id}/retry", id).with(httpBasic("admin", "secret")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PENDING"));
        }
        assertThat(dispatcher.deliverAllDue().sent()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).endsWith("— termijn verstreken");
        mvc.perform(post("/api/notifications/{id}/retry", ids.get(0)).with(httpBasic("admin", "secret")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/notifications/{id}/retry", 999999).with(httpBasic("admin", "secret")))
                .andExpect(status().isNotFound());
    }

    void failedRun(String school, String error) {
        Instant now = clock.instant();
        events.publishEvent(new SyncRunFinished(new SyncRun(1, school, SyncStatus.FAILED, "SCHEDULE", null, null, now, now,
                new SyncRun.Counts(0, 0, 0, 0, 0, 0, 0), error)));
    }

    int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    static List<String> recipients(MimeMessage[] mails) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : mails) {
            for (Address a : m.getRecipients(Message.RecipientType.TO)) {
                to.add(a.toString());
            }
        }
        return to;
    }

    static MimeMessage to(MimeMessage[] mails, String address) throws Exception {
        for (MimeMessage m : mails) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                return m;
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text/plain part of a multipart/alternative mail. */
    static String plainText(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name)[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
