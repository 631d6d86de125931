package nl.lvssync.verzuim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LesdagenTest {

    private static final LocalDate MA = LocalDate.of(2026, 11, 16);

    private final Lesdagen dagen = Lesdagen.of(Map.of(MA, 6, MA.plusDays(1), 0, MA.plusDays(3), 300));

    @Test
    void aLesdagIsFoundWithItsLessonsWhateverItsNumber() {
        assertThat(dagen.bevat(MA)).isTrue();
        assertThat(dagen.lessen(MA)).isEqualTo(6);
        assertThat(dagen.bevat(MA.plusDays(1))).as("a day of unknown (0) lessons is still a lesdag").isTrue();
        assertThat(dagen.lessen(MA.plusDays(1))).isZero();
        assertThat(dagen.lessen(MA.plusDays(3))).as("more than 255 lessons are held as 255").isEqualTo(255);
        assertThat(dagen.bevat(MA.plusDays(2))).isFalse();
        assertThat(dagen.lessen(MA.plusDays(2))).isEqualTo(-1);
        assertThat(dagen.bevat(MA.minusDays(1))).isFalse();
        assertThat(dagen.bevat(MA.plusDays(4))).isFalse();
        assertThat(Lesdagen.GEEN.bevat(MA)).isFalse();
    }

    @Test
    void anyLesdagInAHalfOpenRange() {
        assertThat(dagen.heeftTussen(MA.minusDays(7), MA)).isFalse();
        assertThat(dagen.heeftTussen(MA.minusDays(7), MA.plusDays(1))).isTrue();
        assertThat(dagen.heeftTussen(MA.plusDays(2), MA.plusDays(3))).isFalse();
        assertThat(dagen.heeftTussen(MA.plusDays(2), MA.plusDays(4))).isTrue();
        assertThat(dagen.heeftTussen(MA.plusDays(1), MA.plusDays(2))).as("a day of 0 lessons at the range's start").isTrue();
        assertThat(dagen.heeftTussen(MA.plusDays(4), MA.plusDays(40))).isFalse();
        assertThat(Lesdagen.GEEN.heeftTussen(MA, MA.plusDays(7))).isFalse();
    }

    @Test
    void readBackInDateOrderWhateverOrderTheNumbersCameIn() {
        Lesdagen gelezen = Lesdagen.vanGetallen(new int[] {Lesdagen.getal(MA.plusDays(3), 2), Lesdagen.getal(MA, 6),
                Lesdagen.getal(MA.plusDays(1), 0)});
        Map<LocalDate, Integer> verwacht = new TreeMap<>(Map.of(MA, 6, MA.plusDays(1), 0, MA.plusDays(3), 2));
        assertThat(gelezen.alsMap()).containsExactlyEntriesOf(verwacht);
        assertThat(gelezen).isEqualTo(Lesdagen.of(verwacht)).hasSameHashCodeAs(Lesdagen.of(verwacht));
        assertThat(gelezen.size()).isEqualTo(3);
    }

    @Test
    void aDayGivenTwiceIsRefusedNotGuessedAt() {
        assertThatThrownBy(() -> Lesdagen.vanGetallen(new int[] {Lesdagen.getal(MA, 6), Lesdagen.getal(MA, 5)}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-11-16");
    }
}
