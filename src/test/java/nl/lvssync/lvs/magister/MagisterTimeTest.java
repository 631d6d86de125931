package nl.lvssync.lvs.magister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Magister's timestamps read without a formatter give exactly what the formatter gives, and refuse what it refuses. */
class MagisterTimeTest {

    @Test
    void theFastReadingEqualsTheFormattersForEveryFractionLength() {
        Random random = new Random(20261126);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(946_684_800L, 4_102_444_800L), random.nextInt(1_000_000_000));
            String iso = instant.toString(); // e.g. 2026-11-26T07:30:00.123456789Z, without trailing zeros in the fraction
            String seconds = iso.substring(0, 19);
            String nanos = String.format("%09d", instant.getNano());
            for (int digits = 0; digits <= 9; digits++) {
                String v = seconds + (digits == 0 ? "" : "." + nanos.substring(0, digits)) + "Z";
                assertThat(MagisterTime.utc(v)).as(v).isEqualTo(OffsetDateTime.parse(v).toInstant());
                assertThat(MagisterTime.instant("Start", v)).as(v).isEqualTo(OffsetDateTime.parse(v).toInstant());
            }
        }
    }

    @Test
    void otherShapesAreLeftToTheFormatterAndImpossibleOnesRefused() {
        assertThat(MagisterTime.utc("2026-11-26T07:30:00+01:00")).isNull();
        assertThat(MagisterTime.instant("Start", "2026-11-26T07:30:00+01:00")).isEqualTo(Instant.parse("2026-11-26T06:30:00Z"));
        assertThat(MagisterTime.instant("Start", "2026-11-26T07:30:00")).as("no offset: UTC")
                .isEqualTo(Instant.parse("2026-11-26T07:30:00Z"));
        assertThat(MagisterTime.utc("2026-11-26T07:30:00.Z")).isNull();
        assertThat(MagisterTime.utc("2026-11-26T07:30:00.0000000000Z")).isNull();
        assertThat(MagisterTime.utc("2026-13-26T07:30:00Z")).isNull();
        assertThat(MagisterTime.utc("2026-02-30T07:30:00Z")).isNull();
        assertThat(MagisterTime.utc("2026-11-26T7:30:00.000Z")).isNull();
        assertThatThrownBy(() -> MagisterTime.instant("Start", "2026-02-30T07:30:00.0000000Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Start");
        assertThatThrownBy(() -> MagisterTime.instant("Start", "26-11-2026 07:30"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a timestamp");
    }
}
