package nl.lvssync.lvs.magister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.lvssync.lvs.LvsRequestException;
import nl.lvssync.lvs.TransientLvsException;
import nl.lvssync.sync.QuarantineRecord;
import nl.lvssync.sync.StudentRecord;
import org.junit.jupiter.api.Test;

/** GetData CSV as live layouts deliver it (lvs-apis.md): encodings, line ends, repeated headers, one row per enrolment, errors. */
class MagisterStudentListTest {

    static final String HEADER = "id;stamnr;roepnaam;tussenv;achternaam;geb_datum;klas;studie;locatie;email;bsn";
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 20);

    final List<QuarantineRecord> rejects = new ArrayList<>();

    @Test
    void windows1252IsDetectedAndZoeStaysZoe() throws Exception {
        byte[] body = (HEADER + "\r\n1001;5001;Zoë;;Müller-Çelik;07-03-2011;3a;3 havo;Hoofdlocatie;;\r\n").getBytes(WINDOWS_1252);

        List<StudentRecord> students = read(body, "auto", Map.of());

        assertThat(students).singleElement().satisfies(s -> {
            assertThat(s.roepnaam()).isEqualTo("Zoë");
            assertThat(s.achternaam()).isEqualTo("Müller-Çelik");
        });
    }

    @Test
    void utf8WithAndWithoutBomAndAConfiguredEncoding() throws Exception {
        String csv = HEADER + "\n1001;5001;Zoë;;Dijk;07-03-2011;3a;3 havo;;;\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] withBom = new byte[bom.length + csv.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(csv.getBytes(StandardCharsets.UTF_8), 0, withBom, 3, withBom.length - 3);

        assertThat(read(csv.getBytes(StandardCharsets.UTF_8), "auto", Map.of())).extracting(StudentRecord::roepnaam).containsExactly("Zoë");
        assertThat(read(withBom, "auto", Map.of())).extracting(StudentRecord::lvsId, StudentRecord::roepnaam)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1001", "Zoë"));
        assertThat(read(csv.getBytes(WINDOWS_1252), "ANSI", Map.of())).extracting(StudentRecord::roepnaam).containsExactly("Zoë");
        assertThat(read(csv.getBytes(StandardCharsets.UTF_8), "UTF-8", Map.of())).extracting(StudentRecord::roepnaam).containsExactly("Zoë");
    }

    @Test
    void anyLineEndingARepeatedHeaderAndOneRowPerEnrolmentGiveOneStudentEach() throws Exception {
        String csv = HEADER + "\r\r\n"
                + "1001;5001;Sanne;van;Dijk;07-03-2011;3a;3 havo;Hoofdlocatie;;\r\r\n"
                + HEADER + "\r\r\n"
                + "1001;5001;Sanne;van;Dijk;07-03-2011;;3 havo LWOO;Hoofdlocatie;sanne@example.nl;\r\r\n"
                + "1002;5002;Daan;;Bakker;01-02-2012;2b;2 vwo;;;\r"
                + "1003;5003;Noor;de;Wit;14-05-2012;2c;2 havo;;;\n"
                + "\r\n";

        List<StudentRecord> students = read(csv.getBytes(StandardCharsets.UTF_8), "auto", Map.of());

        assertThat(students).extracting(StudentRecord::lvsId).containsExactly("1001", "1002", "1003");
        StudentRecord sanne = students.get(0);
        assertThat(sanne.studie()).as("without periods the later row is the current enrolment").isEqualTo("3 havo LWOO");
        assertThat(sanne.klas()).as("what the current row leaves empty, the other fills").isEqualTo("3a");
        assertThat(sanne.email()).isEqualTo("sanne@example.nl");
        assertThat(rejects).isEmpty();
    }

    @Test
    void withEnrolmentPeriodsTheCurrentEnrolmentGivesTheClassWhateverTheOrder() throws Exception {
        String csv = "id;stamnr;roepnaam;achternaam;klas;studie;begindatum;einddatum\r\n"
                + "1001;5001;Sanne;Dijk;3a;3 havo;01-08-2026;31-07-2027\r\n"
                + "1001;5001;Sanne;Dijk;2a;2 havo;01-08-2025;31-07-2026\r\n"
                + "1002;5002;Daan;Bakker;1b;1 vwo;01-08-2025;31-07-2026\r\n"
                + "1002;5002;Daan;Bakker;2b;2 vwo;01-08-2026;\r\n";

        List<StudentRecord> students = read(csv.getBytes(StandardCharsets.UTF_8), "auto", Map.of());

        assertThat(students).extracting(StudentRecord::lvsId, StudentRecord::klas, StudentRecord::studie).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1001", "3a", "3 havo"), org.assertj.core.groups.Tuple.tuple("1002", "2b", "2 vwo"));
    }

    @Test
    void theUpperCaseLayoutReadsWithoutConfigurationAndWithAliases() throws Exception {
        String csv = "STAMNR;FIRSTNAME;PREFIX;LASTNAME;BIRTHDATE;CLASS\r\n"
                + "5001;Zoë;van;Dijk;07-03-2011;3A\r\n"
                + "STAMNR;FIRSTNAME;PREFIX;LASTNAME;BIRTHDATE;CLASS\r\n"
                + "5001;Zoë;van;Dijk;07-03-2011;3A\r\n";

        List<StudentRecord> byAlias = read(csv.getBytes(WINDOWS_1252), "auto", Map.of());
        List<StudentRecord> configured = read(("ID;" + csv.replace("\r\n5001;", "\r\n1001;5001;").replace("\r\nSTAMNR;", "\r\nID;STAMNR;"))
                .getBytes(StandardCharsets.UTF_8), "auto", Map.of("id", "ID", "stamnr", "STAMNR", "roepnaam", "FIRSTNAME",
                "tussenv", "PREFIX", "achternaam", "LASTNAME", "geb_datum", "BIRTHDATE", "klas", "CLASS"));

        assertThat(byAlias).singleElement().satisfies(s -> {
            assertThat(s.lvsId()).as("no person id column: the stamnummer is the key").isEqualTo("5001");
            assertThat(s.displayName()).isEqualTo("Zoë van Dijk");
            assertThat(s.birthDate()).hasToString("2011-03-07");
            assertThat(s.klas()).isEqualTo("3A");
        });
        assertThat(configured).singleElement().satisfies(s -> {
            assertThat(s.lvsId()).isEqualTo("1001");
            assertThat(s.stamnr()).isEqualTo("5001");
            assertThat(s.roepnaam()).isEqualTo("Zoë");
        });
    }

    @Test
    void anErrorTextIsADefiniteErrorWithTheLvsMessage() {
        MagisterStudentList list = new MagisterStudentList(Map.of(), TODAY);

        assertThatThrownBy(() -> list.check("<Response><ResultMessage>Fout: de layout LVS-Sync-Leerlingen bestaat niet"
                + "</ResultMessage><Fout_nummer>12</Fout_nummer></Response>"))
                .isInstanceOf(LvsRequestException.class)
                .hasMessageContaining("answered an error").hasMessageContaining("de layout LVS-Sync-Leerlingen bestaat niet");
        assertThatThrownBy(() -> list.check("Fout_nummer;Fout_omschrijving\r\n3;Ongeldige SessionToken\r\n"))
                .isInstanceOf(LvsRequestException.class).hasMessageContaining("Ongeldige SessionToken");
        assertThatThrownBy(() -> list.check("Fout bij het ophalen van de gegevens")).isInstanceOf(LvsRequestException.class)
                .hasMessageContaining("Fout bij het ophalen");
        assertThatThrownBy(() -> list.check("<!DOCTYPE html><html><body>Bad gateway</body></html>"))
                .isInstanceOf(TransientLvsException.class);
        assertThatThrownBy(() -> list.check("naam;klas\r\nA;B\r\n")).isInstanceOf(LvsRequestException.class)
                .hasMessageContaining("no column for the student id");
        assertThatThrownBy(() -> list.check("")).isInstanceOf(LvsRequestException.class).hasMessageContaining("empty");
        list.check(HEADER + "\r\n1001;5001;Fout;;Fouten;07-03-2011;3a;;;;\r\n");
    }

    List<StudentRecord> read(byte[] body, String encoding, Map<String, String> columns) throws Exception {
        SpooledStudentList spooled = SpooledStudentList.spool(new ByteArrayInputStream(body));
        try {
            MagisterStudentList list = new MagisterStudentList(columns, TODAY);
            list.check(spooled.head(encoding, 64 * 1024));
            List<StudentRecord> students = new ArrayList<>();
            try (Reader reader = spooled.open(encoding)) {
                list.read(reader, p -> students.add(p.student()), rejects::add);
            }
            return students;
        } finally {
            spooled.delete();
        }
    }
}
