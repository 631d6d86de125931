package nl.lvssync.lvs.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import nl.lvssync.sync.StudentRecord;
import org.junit.jupiter.api.Test;

/** Reading export files as schools really deliver them, line by line. */
class CsvExportTest {

    static final String STUDENTS = "leerling_id;stamnr;roepnaam;tussenvoegsel;achternaam;geboortedatum;klas;studie;locatie;email;bsn\r\n"
            + "S1;5001;Zoë;van;Dijk;07-03-2011;3a;3 havo;Hoofdlocatie;zoe@example.nl;123456782\r\n";

    static StudentRecord first(CsvExport e) {
        return ((CsvExport.Student) e.rows().get(0).value()).student();
    }

    @Test
    void utf8WithAndWithoutByteOrderMark() {
        byte[] plain = STUDENTS.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        for (byte[] bytes : new byte[][] {plain, bom}) {
            CsvExport e = CsvExport.read(CsvKind.STUDENTS, bytes, Map.of(), "auto");
            assertThat(e.unreadable()).isNull();
            assertThat(e.clean()).isTrue();
            assertThat(first(e).lvsId()).isEqualTo("S1");
            assertThat(first(e).roepnaam()).isEqualTo("Zoë");
        }
        assertThat(CsvExport.read(CsvKind.STUDENTS, bom, Map.of(), "auto").charset()).isEqualTo("UTF-8 (BOM)");
    }

    @Test
    void windows1252() {
        CsvExport e = CsvExport.read(CsvKind.STUDENTS, STUDENTS.getBytes(Charset.forName("windows-1252")), Map.of(), "auto");
        assertThat(e.charset()).isEqualTo("windows-1252");
        assertThat(first(e).roepnaam()).isEqualTo("Zoë");
    }

    @Test
    void commaSeparatedWithQuotesIsoDates() {
        String csv = "leerling_id,stamnr,roepnaam,tussenvoegsel,achternaam,geboortedatum,klas\n"
                + "S2,5002,\"Jan, de jongste\",,\"Jansen \"\"JJ\"\"\",2011-12-31,2b\n";
        CsvExport e = CsvExport.read(CsvKind.STUDENTS, csv.getBytes(StandardCharsets.UTF_8), Map.of(), "auto");
        assertThat(e.separator()).isEqualTo(',');
        StudentRecord s = first(e);
        assertThat(s.roepnaam()).isEqualTo("Jan, de jongste");
        assertThat(s.achternaam()).isEqualTo("Jansen \"JJ\"");
        assertThat(s.tussenvoegsel()).isNull();
        assertThat(s.birthDate()).isEqualTo(LocalDate.of(2011, 12, 31));
        assertThat(s.bsn()).isNull();
    }

    @Test
    void absencesInBothDateFormsAndTheirBadLinesByNumber() {
        String csv = "absentie_id;leerling_id;datum;lesuur;begintijd;eindtijd;code;omschrijving;geoorloofd\n"
                + "A1;S1;16-11-2026;1;08:30;09:20;AB;Absent;nee\n"
                + "\n"
                + "A2;S1;2026-11-17;2;09:20;10:10;ZK;Ziek;ja\n"
                + "A3;S1;31-02-2026;1;08:30;09:20;AB;Absent;\n"
                + "A4;;17-11-2026;1;08:30;09:20;AB;Absent;nee\n"
                + "A5;S1;18-11-2026;1;10:70;11:00;AB;Absent;nee\n"
                + "A6;S1;18-11-2026;2;09:20;10:10;AB;Absent;misschien\n"
                + "A7;S1;19-11-2026;;08:30;09:20;TL;Te laat;\n";
        CsvExport e = CsvExport.read(CsvKind.ABSENCES, csv.getBytes(StandardCharsets.UTF_8), Map.of(), "auto");
        assertThat(e.rows()).hasSize(3);
        CsvExport.Absence a1 = (CsvExport.Absence) e.rows().get(0).value();
        assertThat(a1.date()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(a1.begin()).isEqualTo(LocalTime.of(8, 30));
        assertThat(a1.geoorloofd()).isFalse();
        assertThat(((CsvExport.Absence) e.rows().get(1).value()).date()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(((CsvExport.Absence) e.rows().get(2).value()).geoorloofd()).isNull();
        assertThat(e.bad()).extracting(CsvTable.BadLine::line).containsExactly(5, 6, 7, 8);
        assertThat(e.bad()).extracting(CsvTable.BadLine::reason).containsExactly(
                "datum '31-02-2026' is not a date (dd-MM-yyyy or yyyy-MM-dd)", "no leerling_id",
                "begintijd '10:70' is not a time (HH:mm)", "geoorloofd 'misschien' is not ja/nee or true/false");
        assertThat(e.from()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(e.to()).isEqualTo(LocalDate.of(2026, 11, 19));
        String report = e.report("absenties.csv", "CSV01", java.time.Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(report).contains("3 line(s) taken over, 4 not", "line 5: datum '31-02-2026'", "line 6: no leerling_id",
                "line 7: begintijd", "line 8: geoorloofd");
    }

    @Test
    void columnsMappedByConfigurationAndAMissingRequiredColumn() {
        String csv = "ID;Nummer;Voornaam;Achternaam;Geboren\n42;1;Piet;Puk;01-01-2012\n";
        CsvExport e = CsvExport.read(CsvKind.STUDENTS, csv.getBytes(StandardCharsets.UTF_8),
                Map.of("leerling_id", "id", "stamnr", "NUMMER", "roepnaam", "voornaam", "geboortedatum", "geboren"), "auto");
        assertThat(first(e).lvsId()).isEqualTo("42");
        assertThat(first(e).stamnr()).isEqualTo("1");
        assertThat(first(e).roepnaam()).isEqualTo("Piet");
        assertThat(first(e).birthDate()).isEqualTo(LocalDate.of(2012, 1, 1));

        CsvExport missing = CsvExport.read(CsvKind.STUDENTS, csv.getBytes(StandardCharsets.UTF_8), Map.of(), "auto");
        assertThat(missing.unreadable()).contains("no column 'leerling_id'");
        assertThat(missing.report("leerlingen.csv", "CSV01", java.time.Instant.EPOCH)).contains("could not be read");
    }

    @Test
    void aBadBirthDateKeepsTheStudentAndIsReported() {
        String csv = "leerling_id;roepnaam;geboortedatum\nS1;Ann;32-13-2011\n";
        CsvExport e = CsvExport.read(CsvKind.STUDENTS, csv.getBytes(StandardCharsets.UTF_8), Map.of(), "auto");
        assertThat(first(e).birthDate()).isNull();
        assertThat(e.clean()).isFalse();
        assertThat(e.report("leerlingen.csv", "X", java.time.Instant.EPOCH)).contains("line 2: geboortedatum '32-13-2011'");
    }
}
