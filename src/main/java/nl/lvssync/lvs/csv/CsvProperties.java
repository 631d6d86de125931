package nl.lvssync.lvs.csv;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lvs-sync.csv.*}: how the CSV schools' folders are watched.
 *
 * @param watch        watch the folders (off: exports wait in the folder until a run is requested)
 * @param runOnArrival an export taken in starts its school's run (off in {@code sync --once}, which runs them itself)
 * @param pollDelay    how often a folder is looked at
 * @param drainTimeout how long a requested run waits for the files already in the folder to be taken in
 */
@ConfigurationProperties("lvs-sync.csv")
public record CsvProperties(@DefaultValue("true") boolean watch, @DefaultValue("true") boolean runOnArrival,
                            @DefaultValue("2s") Duration pollDelay,
                            @DefaultValue("60s") Duration drainTimeout) {
}
