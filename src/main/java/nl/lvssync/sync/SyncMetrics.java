package nl.lvssync.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Our own sync counters and durations, next to Camel's route metrics on /actuator/prometheus. */
@Component
class SyncMetrics {

    private final MeterRegistry meters;

    SyncMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void finished(String school, SyncStatus status, SyncCounts counts, Duration took) {
        Counter.builder("lvs_sync_runs").description("Finished sync runs").tag("school", school)
                .tag("status", status.name()).register(meters).increment();
        Timer.builder("lvs_sync_run_duration").description("Duration of sync runs").tag("school", school)
                .tag("status", status.name()).register(meters).record(took);
        record(school, "students", counts.students());
        record(school, "lessons", counts.lessons());
        record(school, "absences", counts.absences());
        record(school, "quarantined", counts.quarantined());
        record(school, "created", counts.created());
        record(school, "updated", counts.updated());
        record(school, "deleted", counts.deleted());
    }

    /** lvs_sync_quarantined_records_total{school,type}: records kept out of a run, by their kind (ABSENCE, LESSON, …). */
    void quarantined(String school, String recordType) {
        Counter.builder("lvs_sync_quarantined_records").description("Records quarantined by sync runs, by record type")
                .tag("school", school).tag("type", recordType == null ? "UNKNOWN" : recordType).register(meters).increment();
    }

    private void record(String school, String type, int n) {
        Counter.builder("lvs_sync_records").description("Records read or changed by sync runs").tag("school", school)
                .tag("type", type).register(meters).increment(n);
    }
}
