package nl.lvssync.lvs.magister;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.lvssync.school.CodeTable;
import nl.lvssync.school.Verdict;
import nl.lvssync.sync.AbsenceRecord;
import nl.lvssync.sync.EnrolmentRecord;
import nl.lvssync.sync.LessonRecord;
import org.junit.jupiter.api.Test;

/** The Magister objects of lvs-apis.md, verbatim and in the variants live schools send, mapped field by field. */
class MagisterMapperTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final MagisterMapper mapper = new MagisterMapper(new CodeTable(Map.of("LO", Verdict.UNEXCUSED)));

    /** The spec's Absentie example, as written there. */
    static final String SPEC_ABSENTIE = """
            {"Id":123456,"Start":"2024-01-15T07:30:00.0000000Z","Eind":"2024-01-15T08:20:00.0000000Z",
             "Lesuur":1,"Geoorloofd":false,"AfspraakId":987654,"Omschrijving":"Absent","Verantwoordingtype":1,"Code":"AB",
             "Afspraak":{"Id":987654,"Start":"2024-01-15T07:30:00.0000000Z","Einde":"2024-01-15T08:20:00.0000000Z",
              "LesuurVan":1,"LesuurTotMet":1,"DuurtHeleDag":false,"Omschrijving":"en - ABC - 3a","Lokatie":"101",
              "Status":1,"Type":13,"Vakken":[{"Id":1,"Naam":"Engels"}],"Docenten":[{"Id":2,"Naam":"…","Docentcode":"ABC"}],
              "Lokalen":[{"Naam":"101"}],"Groepen":null}}
            """;

    @Test
    void theSpecsAbsentieExample() throws Exception {
        AbsenceRecord a = mapper.absence(JSON.readTree(SPEC_ABSENTIE));

        assertThat(a.lvsId()).isEqualTo("123456");
        assertThat(a.lessonLvsId()).isEqualTo("987654");
        assertThat(a.date()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(a.lessonStart()).isEqualTo(Instant.parse("2024-01-15T07:30:00Z"));
        assertThat(a.lessonEnd()).isEqualTo(Instant.parse("2024-01-15T08:20:00Z"));
        assertThat(a.lesuur()).isEqualTo(1);
        assertThat(a.verdict()).isEqualTo(Verdict.UNEXCUSED);
        assertThat(a.lessonCancelled()).isFalse();
    }

    @Test
    void aLiveAbsenceAtMidnightWithoutAfspraakAndWithStrangeValues() throws Exception {
        JsonNode live = JSON.readTree("""
                {"id":5,"start":"2026-08-18T22:00:00.0000000Z","eind":"2026-08-18T22:00:00.0000000Z","lesuur":"3",
                 "geoorloofd":"false","afspraakId":0,"verantwoordingtype":"2","code":"LO","Opmerking":null,"NieuwVeld":{"x":1}}
                """);

        AbsenceRecord a = mapper.absence(live);

        assertThat(a.date()).as("midnight in Amsterdam is 19 August").isEqualTo(LocalDate.of(2026, 8, 19));
        assertThat(a.lessonLvsId()).isNull();
        assertThat(a.lessonStart()).isNull();
        assertThat(a.lesuur()).isEqualTo(3);
        assertThat(a.lvsType()).isEqualTo(2);
        assertThat(a.lvsExcused()).isFalse();
        assertThat(a.verdict()).as("the code table wins").isEqualTo(Verdict.UNEXCUSED);

        // the timetable gives the lesson by date and lesuur
        LessonRecord third = new LessonRecord("L3", LocalDate.of(2026, 8, 19), Instant.parse("2026-08-19T08:10:00Z"),
                Instant.parse("2026-08-19T09:00:00Z"), 3, 3, 7, false, "Engels", "en");
        List<AbsenceRecord> resolved = MagisterConnector.withLessonTimes(List.of(a), List.of(third));
        assertThat(resolved.get(0).lessonLvsId()).isEqualTo("L3");
        assertThat(resolved.get(0).lessonStart()).isEqualTo(third.start());
    }

    @Test
    void missingOptionalFieldsAreEmptyNeverAReason() throws Exception {
        AbsenceRecord bare = mapper.absence(JSON.readTree("{\"Id\":6,\"Start\":\"2026-08-18T22:00:00.0000000Z\"}"));
        assertThat(bare.end()).isEqualTo(bare.start());
        assertThat(bare.verdict()).as("no verdict at all is counted, never hidden").isEqualTo(Verdict.UNEXCUSED);

        JsonNode badCopy = JSON.readTree(SPEC_ABSENTIE.replace("\"Einde\":\"2024-01-15T08:20:00.0000000Z\"", "\"Einde\":\"gisteren\""));
        assertThat(mapper.absence(badCopy).lessonStart()).as("a lesson copy without usable times is ignored").isNull();

        LessonRecord lesson = mapper.lesson(JSON.readTree("{\"Id\":9,\"Start\":\"2026-08-19T06:30:00.0000000Z\","
                + "\"Einde\":\"2026-08-19T07:20:00.0000000Z\",\"LesuurVan\":null,\"Status\":7,\"Extra\":[1,2]}")).orElseThrow();
        assertThat(lesson.cancelled()).as("Status 7 is a lesson").isFalse();
        assertThat(lesson.lesuurVan()).isNull();
        assertThat(mapper.lesson(JSON.readTree("{\"Id\":10,\"Type\":1,\"Start\":\"2026-08-19T06:30:00Z\"}"))).isEmpty();

        EnrolmentRecord e = mapper.enrolment(JSON.readTree("{\"Id\":77}"));
        assertThat(e.lvsId()).isEqualTo("77");
        assertThat(e.studie()).isNull();
        assertThat(e.begin()).isNull();
    }

    @Test
    void bothAanmeldingShapes() throws Exception {
        EnrolmentRecord live = mapper.enrolment(JSON.readTree("""
                {"Id":1,"Links":[{"Rel":"Self","Href":"/x"}],"LeerlingId":4,"Start":"2025-07-31T22:00:00.0000000Z",
                 "Einde":"2026-07-30T22:00:00.0000000Z","Lesperiode":"2526","Studie":{"Id":4,"Omschrijving":"HAVO/3"},
                 "Groep":{"Id":5,"Links":[],"Omschrijving":"Klas A","LocatieId":2},"Profiel":"NT","Profiel2":{"Code":"TOP"},
                 "AanBronMelden":true}
                """));
        EnrolmentRecord documented = mapper.enrolment(JSON.readTree("""
                {"id":2,"studie":{"id":11,"code":"3 havo"},"groep":{"id":21,"code":"3a","omschrijving":"Klas 3a"},
                 "lesperiode":{"code":"2526"},"profielen":[{"code":"NG"},{"code":"NT"}],"persoonlijkeMentor":{"naam":"J. Jansen"},
                 "begin":"2025-08-01T00:00:00","einde":"2026-07-31T00:00:00","isHoofdAanmelding":true,"links":[]}
                """));

        assertThat(live).isEqualTo(new EnrolmentRecord("1", "HAVO/3", "Klas A", "Klas A", "2526", null,
                LocalDate.of(2025, 8, 1), LocalDate.of(2026, 7, 31), null, "NT", "TOP", "2"));
        assertThat(documented).isEqualTo(new EnrolmentRecord("2", "3 havo", "3a", "Klas 3a", "2526", "J. Jansen",
                LocalDate.of(2025, 8, 1), LocalDate.of(2026, 7, 31), true, "NG", "NT", null));
    }
}
