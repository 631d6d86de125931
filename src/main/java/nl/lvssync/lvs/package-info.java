/**
 * LVS: the connectors that read a school's LVS (leerlingvolgsysteem), one sub-package per kind: {@code magister},
 * {@code somtoday} and {@code csv} (exports dropped in a watched folder or fetched by SFTP), each a
 * {@link nl.lvssync.sync.LvsConnector} that hands the same records to the sync.
 *
 * <p>Offers the HTTP client and the per-school circuit breakers every connector shares
 * ({@link nl.lvssync.lvs.LvsHttp}: retries with backoff, the LVS's own rate limits), and, as the named interface
 * {@code magister} and {@code somtoday}, where a school of that kind lives ({@link nl.lvssync.lvs.magister.MagisterEndpoints},
 * {@link nl.lvssync.lvs.somtoday.SomtodayEndpoints}) for the simulator; as the named interface {@code csv}, the
 * machinery of a watched export folder for other exports a school places (the OPP export): reading a file as a table
 * of named cells ({@link nl.lvssync.lvs.csv.CsvTable}: encoding, separator, mapped columns, line numbers), cell values
 * ({@link nl.lvssync.lvs.csv.CsvValues}: Dutch or ISO dates), the folder's conventions ({@link nl.lvssync.lvs.csv.ExportFolder}:
 * read only when complete, each content once, done/ and error/) and the report beside a file with bad lines
 * ({@link nl.lvssync.lvs.csv.ExportReport}). What it reads goes to the sync's record sink;
 * it owns only its own bookkeeping: {@code somtoday_open_melding} (meldingen still open, re-read until they close),
 * {@code csv_export} (every export taken in, with its status) and {@code CAMEL_MESSAGEPROCESSED} (the content
 * hashes already processed, one processor name per watched folder, also for the folders of the named interface). Publishes {@link nl.lvssync.sync.SyncWanted} when a new export is waiting; consumes
 * no events.
 *
 * <p>Glossary (Magister's words): leerling (student), aanmelding (enrolment in a study and klas), afspraak (a
 * lesson in the timetable), absentie (an absence registration), verantwoordingtype (the kind of absence),
 * geoorloofd (excused), stamnummer (the school's student number). Somtoday's: vestiging (branch), instelling
 * (organisation), plaatsing (placement in a class and year), absentiemelding (an absence report, possibly over several
 * lessons or days), waarneming (an observation of one student in one lesson), absentiereden (reason code).
 */
@ApplicationModule(displayName = "LVS connectors", allowedDependencies = {"sync", "school", "verzuim", "verzuim::kalender", "time"})
package nl.lvssync.lvs;

import org.springframework.modulith.ApplicationModule;
