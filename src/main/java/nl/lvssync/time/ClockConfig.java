package nl.lvssync.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Now" for the whole service: fixed by {@code lvs-sync.clock.fixed} for tests and replays. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClockConfig.ClockProperties.class)
public class ClockConfig {

    /** All school dates and times are Dutch local time. */
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Bean
    Clock clock(ClockProperties properties) {
        return properties.fixed() == null ? Clock.system(AMSTERDAM) : Clock.fixed(properties.fixed(), AMSTERDAM);
    }

    /** {@code lvs-sync.clock.fixed}: when set, "now" for the whole service (tests and replays). */
    @ConfigurationProperties("lvs-sync.clock")
    record ClockProperties(Instant fixed) {
    }
}
