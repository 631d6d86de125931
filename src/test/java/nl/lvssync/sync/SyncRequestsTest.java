package nl.lvssync.sync;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import nl.lvssync.school.SchoolDirectory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

/** A sync request that cannot be handed to the routes never leaves a RUNNING run or a lock behind. */
class SyncRequestsTest {

    final SyncService sync = mock(SyncService.class);
    final ProducerTemplate producer = mock(ProducerTemplate.class);
    final CamelContext camel = mock(CamelContext.class);
    final SyncRequests requests = new SyncRequests(sync, mock(SchoolDirectory.class), camel);

    @Test
    void routesThatAreNotStartedRefuseBeforeAnyRunIsRecorded() {
        when(camel.getStatus()).thenReturn(ServiceStatus.Starting);

        assertThatThrownBy(() -> requests.request("S1", "API")).isInstanceOf(ServiceNotReadyException.class)
                .hasMessageContaining("try again");
        verify(sync, never()).start(anyString(), anyString());
    }

    @Test
    void aRunTheRoutesDidNotTakeIsAbandonedAndItsLockReleased() {
        when(camel.getStatus()).thenReturn(ServiceStatus.Started);
        when(camel.createProducerTemplate()).thenReturn(producer);
        when(sync.start("S1", "API")).thenReturn(new SyncRun(42L, "S1", SyncStatus.RUNNING, "API", null, null,
                Instant.EPOCH, null, new SyncRun.Counts(0, 0, 0, 0, 0, 0, 0), null));
        org.mockito.Mockito.doThrow(new IllegalStateException("CamelContext is stopped")).when(producer).sendBody("seda:sync-runs", 42L);

        assertThatThrownBy(() -> requests.request("S1", "API")).isInstanceOf(ServiceNotReadyException.class)
                .hasMessageContaining("CamelContext is stopped");
        verify(sync).abandon(eq(42L), contains("CamelContext is stopped"));
    }
}
