package nl.lvssync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.lvssync.ServiceTest;
import nl.lvssync.ServiceTestSetup;
import nl.lvssync.notification.NotificationDispatcher;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From sync to the coordinator's mailbox: an alert raised by a sync is mailed once, a second identical sync sends
 * nothing, re-coding that withdraws it sends the withdrawal, and a failed sync reaches the administrators.
 */
@ServiceTest
class AlertNotificationFlowTest {

    static final WireMockServer lvs = ServiceTestSetup.LVS;
    static final GreenMail smtp = ServiceTestSetup.SMTP;
    static final String COORDINATOR = ServiceTestSetup.FLOW_COORDINATOR;
    static final String ADMIN = ServiceTestSetup.ADMIN_EMAIL;

    @Autowired
    SyncService sync;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    SyncRun syncRoute(String school) {
        return camel.requestBody("direct:sync-run", sync.start(school, "TEST").id(), SyncRun.class);
    }

    List<String> subjectsTo(String address) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m, address)).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static boolean recipient(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAlertIsMailedOnceAndItsWithdrawalToo() throws Exception {
        WeekOfAbsences.stub(lvs, "FLW01", Set.of());
        syncRoute("FLW01");
        dispatcher.deliverAllDue();
        List<String> first = subjectsTo(COORDINATOR);
        assertThat(first).anyMatch(s -> s.startsWith("[LVS Sync]") && s.contains("FLW01") && s.contains("LEGAL_16H"));
        long legal = first.stream().filter(s -> s.contains("LEGAL_16H")).count();
        assertThat(legal).isEqualTo(1);
        assertThat(meters.counter("lvs.sync.alert.events", "school", "FLW01", "rule", "LEGAL_16H", "event", "alert.raised")
                .count()).isEqualTo(1.0);

        // the same sync again sends nothing
        syncRoute("FLW01");
        dispatcher.deliverAllDue();
        assertThat(subjectsTo(COORDINATOR)).hasSameSizeAs(first);

        // re-coded as sick: the withdrawal is mailed, once
        WeekOfAbsences.stub(lvs, "FLW01", Set.of(509011L, 509012L));
        syncRoute("FLW01");
        syncRoute("FLW01");
        dispatcher.deliverAllDue();
        List<String> after = subjectsTo(COORDINATOR);
        assertThat(after.size()).isGreaterThan(first.size());
        assertThat(after.subList(first.size(), after.size()).stream().filter(s -> s.contains("LEGAL_16H")).count()).isEqualTo(1);
    }

    @Test
    void aFailedSyncReachesTheAdministratorsOncePerDay() throws Exception {
        syncRoute("FLW02");
        syncRoute("FLW02");
        dispatcher.deliverAllDue();

        List<String> admin = subjectsTo(ADMIN);
        assertThat(admin).anyMatch(s -> s.startsWith("[LVS Sync]") && s.contains("FLW02"));
        assertThat(admin.stream().filter(s -> s.contains("FLW02") && s.toLowerCase().contains("synchronisatie")).count())
                .as(admin.toString()).isEqualTo(1);
    }

}
