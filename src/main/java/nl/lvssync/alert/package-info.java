/**
 * Alert: runs the verzuim rules over the records we keep and looks after the alerts they raise, from raised to
 * closed, including the DUO melding a coordinator makes.
 *
 * <p>The OPP rules' alerts ({@code OPP_DUE}, {@code OPP_OVERDUE}, {@code OPP_EVALUATION_DUE}, {@code OPP_INCOMPLETE})
 * go through the same lifecycle ({@link nl.lvssync.alert.OppAlerts}, from the opp module's findings), and an absence
 * alert shows the student's OPP arrangement and coach (O4).
 *
 * <p>Owns the {@code alert}, {@code alert_record} (the absences behind an alert, with the verdict they had) and
 * {@code alert_history} tables. Serves {@code /api/alerts/**} (list, explain, acknowledge, reported, close, the
 * melding as CSV and as a page), the coordinator's pages: {@code /alerts} (the inbox, what needs action first),
 * {@code /alerts/{id}} (an alert with its actions; the page a notification links to) and {@code /leerlingen} (student
 * search, a student's school year as a chart with their alerts), and
 * {@code POST /api/schools/{school}/evaluate}; runs the hourly escalation and staleness routes
 * (routes/alerts.camel.yaml). Offers {@link nl.lvssync.alert.AlertView} (an alert as the API shows it) and
 * {@link nl.lvssync.alert.OpenAlerts}. Every view, action and melding download is written to the audit log.
 *
 * <p>Publishes {@link nl.lvssync.alert.AlertChanged} (raised, withdrawn, overdue) inside the transaction that
 * changes the alert. Consumes {@link nl.lvssync.sync.SyncRunFinished} (the rules look at what the run changed) and
 * {@link nl.lvssync.school.HolidaysImported} (every school is evaluated again) and
 * {@link nl.lvssync.opp.OppPlansImported} (the school's OPP alerts), all synchronously: a run or an
 * import is over when its alerts are.
 *
 * <p>Glossary: melding, the report of a student's verzuim to DUO's verzuimloket; DUO, the agency that keeps the
 * verzuimregister; termijn/uiterste melddatum, the melding's deadline; signaal, an alert short of a melding.
 */
@ApplicationModule(displayName = "Alert",
        allowedDependencies = {"sync", "school", "verzuim", "verzuim::kalender", "time", "web", "audit", "opp"})
package nl.lvssync.alert;

import org.springframework.modulith.ApplicationModule;
