/**
 * School: the configured schools and their calendar data.
 *
 * <p>Owns the {@code school} table (one row per configured school, written at start-up and, through
 * {@link nl.lvssync.school.SchoolRepository}, with what the sync and the rules remember about it) and the
 * {@code imported_holiday} table (schoolvakanties from the public Rijksoverheid feed). Offers
 * {@link nl.lvssync.school.SchoolDirectory} (the schools of {@code lvs-sync.schools}),
 * {@link nl.lvssync.school.School} with its coordinators and quiet hours, the {@link nl.lvssync.school.CodeTable}
 * that turns an absence code into a verdict, and {@link nl.lvssync.school.ImportedHolidays}. Serves
 * {@code POST /api/holidays/import}.
 *
 * <p>Publishes {@link nl.lvssync.school.HolidaysImported}. Consumes no events.
 *
 * <p>Glossary: BRIN (+ vestiging), a school's code at the ministry; LVS (leerlingvolgsysteem), the student information
 * system a school runs; verzuimcoördinator, who acts on a school's alerts; schoolvakantie, a school holiday.
 */
@ApplicationModule(displayName = "School", allowedDependencies = {"verzuim", "verzuim::kalender"})
package nl.lvssync.school;

import org.springframework.modulith.ApplicationModule;
