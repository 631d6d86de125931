/**
 * LVS: the connectors that read a school's LVS (leerlingvolgsysteem), one sub-package per kind: {@code magister}
 * now; {@code somtoday} and {@code csv} come next, each a {@link nl.lvssync.sync.LvsConnector}.
 *
 * <p>Offers the HTTP client and the per-school circuit breakers every connector shares
 * ({@link nl.lvssync.lvs.LvsHttp}: retries with backoff, the LVS's own rate limits), and, as the named interface
 * {@code magister}, where a Magister school lives ({@link nl.lvssync.lvs.magister.MagisterEndpoints}) for the
 * simulator. Owns no table: what it reads goes to the sync's record sink. Publishes and consumes no events.
 *
 * <p>Glossary (Magister's words): leerling (student), aanmelding (enrolment in a study and klas), afspraak (a
 * lesson in the timetable), absentie (an absence registration), verantwoordingtype (the kind of absence),
 * geoorloofd (excused), stamnummer (the school's student number).
 */
@ApplicationModule(displayName = "LVS connectors", allowedDependencies = {"sync", "school", "verzuim", "time"})
package nl.lvssync.lvs;

import org.springframework.modulith.ApplicationModule;
