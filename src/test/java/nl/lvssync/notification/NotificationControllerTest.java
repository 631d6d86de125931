package nl.lvssync.notification;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.lvssync.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The outbox endpoints on their own: list and retry for administrators; the outbox is mocked. */
@WebSliceTest(controllers = NotificationController.class)
class NotificationControllerTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OutboxRepository outbox;
    @MockitoBean
    Clock clock;

    static OutboxEntry entry(long id, OutboxEntry.Channel channel, String recipient, OutboxEntry.Status status) {
        return new OutboxEntry(id, "alert.raised:a1", "alert.raised", "02YM00", "a1", recipient, "Coördinator", channel,
                "{}", status, 10, NOW, "HTTP 500", NOW, null, null, status == OutboxEntry.Status.PARKED ? NOW : null);
    }

    @Test
    void theOutboxIsForAdministrators() throws Exception {
        mvc.perform(get("/api/notifications").with(httpBasic("coord", "secret"))).andExpect(status().isForbidden());
    }

    @Test
    void parkedEntriesAreListedWithoutTheWebhooksSecretPath() throws Exception {
        when(outbox.list(OutboxEntry.Status.PARKED, null, 200)).thenReturn(List.of(
                entry(1, OutboxEntry.Channel.WEBHOOK, "https://hooks.slack.com/services/T000/B000/SECRET", OutboxEntry.Status.PARKED)));

        mvc.perform(get("/api/notifications").param("status", "parked").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].recipient").value("https://hooks.slack.com/…"))
                .andExpect(jsonPath("$[0].status").value("PARKED"))
                .andExpect(jsonPath("$[0].parkedAt").value("2026-11-20T11:00:00+01:00"))
                .andExpect(jsonPath("$[0].payload").doesNotExist());
        mvc.perform(get("/api/notifications").param("status", "LOST").with(httpBasic("admin", "secret")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aRetryOffersTheEntryAgainOnlyWhenItIsWaitingOrParked() throws Exception {
        when(clock.instant()).thenReturn(NOW);
        when(clock.getZone()).thenReturn(ZoneOffset.UTC);
        when(outbox.find(1)).thenReturn(Optional.of(entry(1, OutboxEntry.Channel.EMAIL, "a@x.example", OutboxEntry.Status.PARKED)),
                Optional.of(entry(1, OutboxEntry.Channel.EMAIL, "a@x.example", OutboxEntry.Status.PENDING)));
        when(outbox.retry(1, NOW)).thenReturn(true);
        when(outbox.find(2)).thenReturn(Optional.of(entry(2, OutboxEntry.Channel.EMAIL, "a@x.example", OutboxEntry.Status.SENT)));

        mvc.perform(post("/api/notifications/1/retry").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
        verify(outbox).retry(1, NOW);
        mvc.perform(post("/api/notifications/2/retry").with(httpBasic("admin", "secret"))).andExpect(status().isConflict());
        mvc.perform(post("/api/notifications/3/retry").with(httpBasic("admin", "secret"))).andExpect(status().isNotFound());
    }
}
