package nl.lvssync.opp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lvs-sync.opp.*}: how the schools' OPP export folders are watched.
 *
 * @param watch        watch the folders (off: exports wait in the folder)
 * @param pollDelay    how often a folder is looked at
 * @param drainTimeout how long the OPP rules after a sync wait at most for exports already in the folder to be taken in
 */
@ConfigurationProperties("lvs-sync.opp")
public record OppProperties(@DefaultValue("true") boolean watch, @DefaultValue("2s") Duration pollDelay,
                            @DefaultValue("60s") Duration drainTimeout) {
}
