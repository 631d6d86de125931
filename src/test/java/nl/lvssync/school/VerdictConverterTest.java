package nl.lvssync.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.lvssync.verzuim.Verdict;
import org.junit.jupiter.api.Test;

class VerdictConverterTest {

    final VerdictConverter converter = new VerdictConverter();

    @Test
    void acceptsOurNamesInAnyCaseAndTheSchoolsOwnWords() {
        assertThat(converter.convert("UNEXCUSED")).isEqualTo(Verdict.UNEXCUSED);
        assertThat(converter.convert("late-excused")).isEqualTo(Verdict.LATE_EXCUSED);
        assertThat(converter.convert("Ongeoorloofd")).isEqualTo(Verdict.UNEXCUSED);
        assertThat(converter.convert("ziek")).isEqualTo(Verdict.SICK);
        assertThat(converter.convert("schorsing")).isEqualTo(Verdict.SUSPENDED);
        assertThat(converter.convert("verlof")).isEqualTo(Verdict.LEAVE);
        assertThat(converter.convert("te laat")).isEqualTo(Verdict.LATE);
    }

    @Test
    void refusesAnUnknownWordWithTheAcceptedOnes() {
        assertThatThrownBy(() -> converter.convert("maybe")).hasMessageContaining("UNEXCUSED").hasMessageContaining("maybe");
    }
}
