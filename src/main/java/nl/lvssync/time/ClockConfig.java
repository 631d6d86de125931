package nl.lvssync.time;

import java.time.Clock;
import java.time.ZoneId;
import nl.lvssync.LvsSyncProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Now" for the whole service: fixed by {@code lvs-sync.clock.fixed} for tests and replays. */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    /** All school dates and times are Dutch local time. */
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Bean
    Clock clock(LvsSyncProperties properties) {
        return properties.clock().fixed() == null
                ? Clock.system(AMSTERDAM)
                : Clock.fixed(properties.clock().fixed(), AMSTERDAM);
    }
}
