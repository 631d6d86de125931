package nl.lvssync.simulator;

import java.time.Clock;
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
 * stops it on shutdown; the Magister connector finds the {@code lvs: simulator} schools through it.
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

    @Bean
    SimulatedMagisterEndpoints simulatedMagisterEndpoints(LvsSimulator simulator, SimulatorProperties properties) {
        return school -> {
            // a school added to the configuration later is learned on its first sync
            simulator.addSchool(school.id(), school.region(), properties.studentsOf(school.id()));
            return simulator.magisterEndpoints(school.id());
        };
    }
}
