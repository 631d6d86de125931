package nl.lvssync.sync;

import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static nl.lvssync.lvs.magister.MagisterStub.absentie;
import static nl.lvssync.lvs.magister.MagisterStub.afspraak;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.concurrent.TimeUnit;
import nl.lvssync.lvs.magister.MagisterStub;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sync routes (SyncRoutes): a requested run goes through the seda queue, is executed, then evaluated. */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@DirtiesContext
class SyncRoutesTest {

    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        lvs.start();
        new MagisterStub(lvs, "RT01").token(3600)
                .students("4001;8001;Lars;;Visser;02-02-2011;3b;3 vwo;Hoofdlocatie;;")
                .aanmeldingen("4001", aanmelding("91", "3b"))
                .afspraken("4001", afspraak(9101, "2026-11-16T07:30:00.0000000Z", "2026-11-16T08:20:00.0000000Z", 1, 1))
                .absenties("4001", absentie(7001, "2026-11-16T07:30:00.0000000Z", "2026-11-16T08:20:00.0000000Z", 1, false, 9101, 1, "AB"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        nl.lvssync.TestSchools.magister(registry, 0, "RT01", lvs.baseUrl() + "/RT01");
    }

    @AfterAll
    static void stop() {
        lvs.stop();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    SyncRequests requests;
    @Autowired
    SyncService sync;
    @EndpointInject("mock:evaluated")
    MockEndpoint evaluated;

    @BeforeEach
    void advise() throws Exception {
        // once per class: the context is shared by its tests and closed after them (the advice changes the route)
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "sync-run", route -> route.weaveById("announce-run").after().to("mock:evaluated"));
            camel.start();
        }
        evaluated.reset();
    }

    @Test
    void aRequestedRunIsQueuedExecutedAndEvaluated() throws Exception {
        evaluated.expectedMessageCount(1);
        evaluated.message(0).simple("${body.status}").isEqualTo(SyncStatus.SUCCEEDED);
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("sync-requests").whenDone(1).create();

        SyncRun started = requests.request("RT01", "TEST");

        assertThat(started.status()).isEqualTo(SyncStatus.RUNNING);
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        evaluated.assertIsSatisfied();
        assertThat(evaluated.getExchanges().get(0).getMessage().getBody(SyncRun.class).counts().absences()).isEqualTo(1);
    }

    @Test
    void aScheduledRunIsSkippedWhileTheSchoolIsStillSyncing() throws Exception {
        evaluated.expectedMessageCount(0);
        SyncRun busy = sync.start("RT01", "TEST");

        producer.sendBody("direct:scheduled-sync", "RT01");

        evaluated.assertIsSatisfied(500);
        sync.execute(busy.id());
        evaluated.reset();
        evaluated.expectedMessageCount(1);
        producer.sendBody("direct:scheduled-sync", "RT01");
        evaluated.assertIsSatisfied();
    }
}
