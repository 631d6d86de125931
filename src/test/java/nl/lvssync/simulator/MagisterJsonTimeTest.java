package nl.lvssync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulator writes Magister's timestamps by hand exactly as the formatter of lvs-apis.md's shape would. */
class MagisterJsonTimeTest {

    static final DateTimeFormatter SHAPE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'.0000000Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void handWrittenEqualsFormatted() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 300_000_000_000L), random.nextInt(1_000_000_000));
            assertThat(MagisterJson.time(instant)).as(instant.toString()).isEqualTo(SHAPE.format(instant));
        }
        assertThat(MagisterJson.time(Instant.parse("2026-01-05T07:05:09Z"))).isEqualTo("2026-01-05T07:05:09.0000000Z");
    }
}
