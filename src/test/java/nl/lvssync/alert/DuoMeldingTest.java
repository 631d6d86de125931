package nl.lvssync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The melding as CSV: cells a spreadsheet would run as a formula are escaped, separators and quotes quoted. */
class DuoMeldingTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreEscaped() {
        assertThat(DuoMelding.cell("=HYPERLINK(\"http://x\",\"klik\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"");
        assertThat(DuoMelding.cell("+31 6 1234")).isEqualTo("'+31 6 1234");
        assertThat(DuoMelding.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(DuoMelding.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(DuoMelding.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(DuoMelding.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(DuoMelding.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(DuoMelding.cell("Noor de Wit")).isEqualTo("Noor de Wit");
        assertThat(DuoMelding.cell("2026-11-16")).isEqualTo("2026-11-16");
        assertThat(DuoMelding.cell(null)).isEmpty();
    }

    @Test
    void aStudentNamedLikeAFormulaReachesTheCsvAsText() {
        DuoMelding m = new DuoMelding("a1", "02YM00", "Diamant College", "=cmd|' /C calc'!A0", "@5001",
                LocalDate.of(2011, 3, 7), "123456782", "-3a", DuoMelding.soort("LEGAL_16H"), LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 19), 16.0, false, List.of(LocalDate.of(2026, 11, 16)), "+coord (Diamant College)",
                LocalDate.of(2026, 11, 26));
        String row = m.csv().split("\r\n")[1];
        assertThat(row.split(";")).contains("'=cmd|' /C calc'!A0", "'@5001", "'-3a", "'+coord (Diamant College)", "16.00");
        for (String cell : row.split(";")) {
            assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
        }
    }
}
