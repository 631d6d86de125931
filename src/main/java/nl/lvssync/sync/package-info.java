/**
 * Sync: runs that read every school's LVS into the records we keep, nightly and on demand, incrementally.
 *
 * <p>Owns the records read from the LVS: the {@code student}, {@code enrolment}, {@code lesson} and {@code absence}
 * tables (written only by {@code LvsRecordStore}, one student per transaction), {@code quarantine} (records that
 * failed validation) and {@code sync_run} (every run with its counts). Serves {@code /api/sync-runs},
 * {@code /api/quarantine}, {@code /api/schools/{school}/students/{id}/absences}, the administrator's pages
 * {@code /beheer} (every school's last sync, a running sync's progress, history, circuit breakers, start a sync) and
 * {@code /beheer/quarantaine} (BSNs masked), and the {@code schools} health
 * component; runs the sync routes ({@link nl.lvssync.sync.SyncRoutes}, endpoints in
 * {@link nl.lvssync.sync.SyncEndpoints}) and {@code sync --once} ({@link nl.lvssync.sync.SyncOnceCommand}).
 *
 * <p>Offers the connector contract that each LVS connector implements ({@link nl.lvssync.sync.LvsConnector},
 * {@link nl.lvssync.sync.RecordSink}, the records, {@link nl.lvssync.sync.SyncWindow} and the two LVS failures), and
 * the records to other modules: {@link nl.lvssync.sync.RuleInputs} (what the rules read, and who they must look at
 * again), {@link nl.lvssync.sync.Students} and {@link nl.lvssync.sync.Enrolments} (students with their enrolments, for
 * the OPP rules).
 *
 * <p>Publishes {@link nl.lvssync.sync.SyncRunFinished} when a run is over, whatever its status. Consumes
 * {@link nl.lvssync.sync.SyncWanted}, a connector's request for a run now (a CSV export arrived).
 *
 * <p>Glossary: leerling (a student, table {@code student}); aanmelding (an enrolment); les (a lesson); absentie
 * (an absence); klas, studie, locatie (class, study programme, school building); stamnr (the school's student
 * number); lesweek (a school week: the sliding window counts them).
 */
@ApplicationModule(displayName = "Sync",
        allowedDependencies = {"school", "verzuim", "verzuim::kalender", "time", "web", "audit"})
package nl.lvssync.sync;

import org.springframework.modulith.ApplicationModule;
