/**
 * Simulator: the built-in simulated LVS, Magister-shaped schools served over real HTTP on loopback, with faults
 * to inject. Part of the product: the default run, the tests and the benchmark read from it.
 *
 * <p>Offers {@link nl.lvssync.simulator.LvsSimulator}; when {@code lvs-sync.simulator.enabled}, it serves the schools
 * configured with {@code lvs: simulator} to the Magister connector. Owns no table, publishes and consumes no events.
 *
 * <p>Glossary: klas (class), lesrooster (timetable), vak (subject), docent (teacher), schooljaar (school year),
 * verzuimpatroon/verzuimprofiel (how often and how a generated student is absent), absentiecode (absence code).
 */
@ApplicationModule(displayName = "Simulator",
        allowedDependencies = {"lvs::magister", "lvs::somtoday", "school", "verzuim::kalender", "time"})
package nl.lvssync.simulator;

import org.springframework.modulith.ApplicationModule;
