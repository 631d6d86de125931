package nl.lvssync.simulator;

import java.time.Clock;
import java.util.List;
import nl.lvssync.lvs.magister.SimulatedMagisterEndpoints;
import nl.lvssync.school.Lvs;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the simulated LVS with the application context (so it is up before the first sync at start-up) and
 * stops it on shutdown; the connectors find the {@code lvs: simulator} schools through it, served in the shapes of the
 * LVS each {@code simulates} (Magister or Somtoday over HTTP, CSV exports written into the school's folder).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "lvs-sync.simulator", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean(destroyMethod = "close")
    LvsSimulator lvsSimulator(SimulatorProperties properties, SchoolDirectory schoolDirectory, Clock clock) {
        LvsSimulator simulator = LvsSimulator.start(properties.settings(), clock);
        int schools = 0;
        for (School school : schoolDirectory.all()) {
            if (school.lvs() == Lvs.SIMULATOR) {
                simulator.addSchool(school.id(), school.region(), properties.studentsOf(school.id()));
                schools++;
            }
        }
        log.info("Simulated LVS listening on {} with {} school(s), seed {}", simulator.baseUrl(), schools, properties.seed());
        return simulator;
    }

    /**
     * The CSV demo schools ({@code simulates: csv}) get today's exports in their folder at start-up, and again every
     * night at 01:00, so their data stays fresh like a school whose LVS exports nightly; so does every simulated school
     * with an OPP export folder (its OPP module's export).
     */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService simulatedCsvDrops(LvsSimulator simulator, nl.lvssync.school.SchoolDirectory service,
                                                                   SimulatorProperties properties, Clock clock) {
        SimulatedCsvExports exports = new SimulatedCsvExports(clock);
        SimulatedOppExports oppExports = new SimulatedOppExports(clock);
        List<School> csvSchools = service.all().stream().filter(s -> s.simulated() && s.kind() == Lvs.CSV).toList();
        List<School> oppSchools = service.all().stream().filter(s -> s.simulated() && s.oppFolder().isPresent()).toList();
        Runnable drop = () -> {
            csvSchools.forEach(school -> {
                try {
                    SimulatedSchool sim = simulator.addSchool(school.id(), school.region(), properties.studentsOf(school.id()));
                    log.info("Simulated exports of {} written to {}: {}", school.id(), school.csvFolder(),
                            exports.write(sim, school.csvFolder()).stream().map(p -> p.getFileName().toString()).toList());
                } catch (RuntimeException e) {
                    log.warn("Simulated exports of {} could not be written: {}", school.id(), e.getMessage());
                }
            });
            // the OPP module's export, where the school's OPP exports arrive: a plan for everyone in a VSO school
            // (required-when all), else for the students with a support profile
            oppSchools.forEach(school -> {
                try {
                    SimulatedSchool sim = simulator.addSchool(school.id(), school.region(), properties.studentsOf(school.id()));
                    log.info("Simulated OPP export of {} written: {}", school.id(), oppExports.write(sim,
                            school.opp().requiredWhen().all(), school.oppFolder().orElseThrow()));
                } catch (RuntimeException e) {
                    log.warn("Simulated OPP export of {} could not be written: {}", school.id(), e.getMessage());
                }
            });
        };
        drop.run();
        java.util.concurrent.ScheduledExecutorService nightly = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-csv-exports");
            t.setDaemon(true);
            return t;
        });
        if (!csvSchools.isEmpty() || !oppSchools.isEmpty()) {
            java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Amsterdam"));
            java.time.ZonedDateTime next = now.toLocalDate().plusDays(1).atTime(1, 0).atZone(now.getZone());
            nightly.scheduleAtFixedRate(drop, java.time.Duration.between(now, next).toMinutes(), 24 * 60,
                    java.util.concurrent.TimeUnit.MINUTES);
        }
        return nightly;
    }

    @Bean
    nl.lvssync.lvs.somtoday.SimulatedSomtodayEndpoints simulatedSomtodayEndpoints(LvsSimulator simulator,
                                                                                 SimulatorProperties properties) {
        return school -> {
            simulator.addSchool(school.id(), school.region(), properties.studentsOf(school.id()));
            return simulator.somtodayEndpoints(school.id());
        };
    }

    @Bean
    SimulatedMagisterEndpoints simulatedMagisterEndpoints(LvsSimulator simulator, SimulatorProperties properties) {
        return school -> {
            // a school added to the configuration later is learned on its first sync
            simulator.addSchool(school.id(), school.region(), properties.studentsOf(school.id()));
            return simulator.magisterEndpoints(school.id());
        };
    }
}
