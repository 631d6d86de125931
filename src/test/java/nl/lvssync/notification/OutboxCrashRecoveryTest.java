package nl.lvssync.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.lvssync.LvsSyncApplication;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox survives a "crash": rows are written and the application stops before sending; fresh application
 * contexts (two "nodes" on the same database file, each with several threads) deliver every message, none twice.
 */
class OutboxCrashRecoveryTest {

    static final int SMTP_PORT = Fixtures.freePort();
    static GreenMail smtp;
    static WireMockServer receiver;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        // a little slow, so the nodes' rounds overlap
        receiver.stubFor(post(urlPathEqualTo("/hooks/b")).willReturn(ok().withFixedDelay(20)));
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        receiver.stop();
    }

    ConfigurableApplicationContext node(String now, boolean deliveryEnabled) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("outbox").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        p.put("lvs-sync.clock.fixed", now);
        p.put("lvs-sync.sync.run-at-startup", "false");
        p.put("lvs-sync.sync.schedules-enabled", "false");
        p.put("lvs-sync.simulator.enabled", "false");
        p.put("camel.springboot.main-run-controller", "false");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", SMTP_PORT);
        p.put("lvs-sync.notifications.delivery-enabled", deliveryEnabled);
        p.put("lvs-sync.notifications.poll-interval", "100ms");
        p.put("lvs-sync.notifications.digest-enabled", "false");
        p.put("lvs-sync.notifications.batch-size", "4");
        p.put("lvs-sync.schools[0].id", "CR01");
        p.put("lvs-sync.schools[0].name", "Crash College");
        p.put("lvs-sync.schools[0].lvs", "csv");
        p.put("lvs-sync.schools[0].coordinators[0].name", "A");
        p.put("lvs-sync.schools[0].coordinators[0].email", "a@crash.example");
        p.put("lvs-sync.schools[0].coordinators[1].name", "B");
        p.put("lvs-sync.schools[0].coordinators[1].email", "b@crash.example");
        p.put("lvs-sync.schools[0].coordinators[1].webhook", receiver.baseUrl() + "/hooks/b");
        p.put("lvs-sync.schools[0].coordinators[1].webhook-secret", "s");
        // as command-line arguments: they must win over application.yml, like in production
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(LvsSyncApplication.class).web(WebApplicationType.NONE).run(args);
    }

    @Test
    void messagesWrittenBeforeACrashAreDeliveredAfterTheRestartExactlyOnce() throws Exception {
        // 10:00 in Amsterdam: the alert side commits five alerts with their notifications, then the process dies
        try (ConfigurableApplicationContext before = node("2026-11-20T09:00:00Z", false)) {
            JdbcClient jdbc = before.getBean(JdbcClient.class);
            Clock clock = before.getBean(Clock.class);
            NotificationOutbox outbox = before.getBean(NotificationOutbox.class);
            TransactionTemplate tx = before.getBean(TransactionTemplate.class);
            Fixtures.student(jdbc, clock, "CR01", "S1", "Jan", "de", "Vries", "3a", null);
            for (int i = 0; i < 5; i++) {
                String id = "c-" + i;
                Map<String, Object> alert = Fixtures.alert(jdbc, clock, id, "CR01", "S1", "Jan de Vries", "3a", "LEGAL_16H",
                        null, "2026-11-0" + (i + 2), "2026-11-17", "16", "2026-11-24", "OPEN");
                tx.executeWithoutResult(s -> outbox.enqueue(new NotificationEvent("alert.raised", "CR01", id, "system", alert, null)));
            }
            // and one row was claimed by a node that died holding it
            jdbc.sql("UPDATE notification_outbox SET claim_token = 'dead-node', claimed_until = TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-20 09:05:00+00' WHERE id = (SELECT MIN(id) FROM notification_outbox)").update();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING'").query(Integer.class).single())
                    .isEqualTo(15);
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // ten minutes later two nodes come up on the same database; one polls through its Camel route as well
        try (ConfigurableApplicationContext nodeA = node("2026-11-20T09:10:00Z", true);
             ConfigurableApplicationContext nodeB = node("2026-11-20T09:10:00Z", false)) {
            assertThat(nodeA.getBean(CamelContext.class).getRouteController().getRouteStatus("notification-poll").isStarted()).isTrue();
            assertThat(nodeB.getBean(CamelContext.class).getRouteController().getRouteStatus("notification-poll").isStarted())
                    .as("lvs-sync.notifications.delivery-enabled=false").isFalse();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<?>> rounds = new ArrayList<>();
            for (ConfigurableApplicationContext node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                NotificationDispatcher dispatcher = node.getBean(NotificationDispatcher.class);
                rounds.add(threads.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        dispatcher.deliverAllDue();
                    }
                }));
            }
            for (Future<?> round : rounds) {
                round.get();
            }
            threads.shutdown();
            JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT'").query(Integer.class).single() == 15);
            Thread.sleep(500); // a few more polls of the route: nothing more may go out
            assertThat(nodeA.getBean(NotificationDispatcher.class).deliverAllDue().handled()).isZero();

            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(10);
            assertThat(Arrays.stream(mails).map(m -> EmailNotificationTest.header(m, "Message-ID")).distinct()).hasSize(10);
            var hooks = receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/b")));
            assertThat(hooks).hasSize(5);
            assertThat(hooks.stream().map(r -> r.getHeader("X-LvsSync-Event-Id")).distinct()).hasSize(5);

            // the honest window: a node that dies after the SMTP server accepted a mail but before SENT was
            // committed sends it again once its claim expires, with the same Message-ID for the receiver to drop
            String firstId = jdbc.sql("SELECT MIN(id) FROM notification_outbox WHERE channel = 'EMAIL'").query(String.class).single();
            jdbc.sql("UPDATE notification_outbox SET status = 'PENDING', claim_token = 'died-after-send',"
                    + " claimed_until = TIMESTAMP WITH TIME ZONE '2026-11-20 09:09:00+00' WHERE id = ?")
                    .param(Long.parseLong(firstId)).update();
            // node A's route polls too: whichever node takes the expired claim, it goes out once more
            nodeB.getBean(NotificationDispatcher.class).deliverAllDue();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT'").query(Integer.class).single() == 15);
            MimeMessage[] after = smtp.getReceivedMessages();
            assertThat(after).hasSize(11);
            assertThat(Arrays.stream(after).map(m -> EmailNotificationTest.header(m, "Message-ID")).distinct()).hasSize(10);
        }
    }
}
