package nl.lvssync.opp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.lvssync.school.School;
import nl.lvssync.sync.EnrolmentRecord;
import nl.lvssync.sync.StudentRecord;
import nl.lvssync.verzuim.kalender.Regio;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import org.junit.jupiter.api.Test;

/** Who needs an OPP by the school's configuration over the enrolment data, and since when. */
class OppBehoefteTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final StudentRecord STUDENT = new StudentRecord("4001", "9001", "Sanne", null, "Smit", LocalDate.of(2011, 3, 3),
            "2b", "2 vmbo-b", "Hoofdlocatie", null, null, null, null);
    static final Predicate<LocalDate> LESDAG = SchoolKalender.voorRegio(Regio.NOORD, List.of(), java.util.Set.of())::isLesdag;

    static School.Opp opp(School.RequiredWhen when) {
        return new School.Opp(when, Map.of("TOP", "TOP groep", "LWOO", "Leerwegondersteuning"), null, null, null, null,
                null, null, false, null);
    }

    static School.RequiredWhen profiel(String... codes) {
        return new School.RequiredWhen(false, null, null, null, null, List.of(codes));
    }

    static EnrolmentRecord enrolment(String id, String studie, String groep, LocalDate begin, LocalDate end, String profiel,
                                     String profiel2) {
        return new EnrolmentRecord(id, studie, groep, null, "2627", null, begin, end, true, profiel, profiel2, null);
    }

    static OppBehoefte bepaal(School.RequiredWhen when, EnrolmentRecord... enrolments) {
        return OppBehoefte.bepaal(opp(when), STUDENT, List.of(enrolments), LocalDate.of(2026, 9, 1), TODAY, LESDAG);
    }

    @Test
    void vsoEveryStudentNeedsOne() {
        OppBehoefte b = bepaal(new School.RequiredWhen(true, null, null, null, null, null),
                enrolment("1", "VSO/arbeid", "A1", LocalDate.of(2026, 8, 17), LocalDate.of(2027, 7, 31), null, null));
        assertThat(b.nodig()).isTrue();
        assertThat(b.reden()).isEqualTo("alle leerlingen");
        assertThat(b.plaatsing()).isEqualTo(LocalDate.of(2026, 8, 17));
        assertThat(b.bron()).isEqualTo(OppBehoefte.Bron.LVS);
    }

    @Test
    void aConfiguredRuleOverStudyGroupAndProfileCodes() {
        EnrolmentRecord top = enrolment("1", "vmbo-b", "2b", LocalDate.of(2026, 8, 17), null, null, "top");
        assertThat(bepaal(profiel("TOP"), top).nodig()).isTrue();
        assertThat(bepaal(profiel("TOP"), top).reden()).isEqualTo("profiel top");
        assertThat(bepaal(profiel("TOP"), top).arrangement()).isEqualTo("TOP groep");
        EnrolmentRecord regular = enrolment("2", "vmbo-b", "2b", LocalDate.of(2026, 8, 17), null, null, null);
        assertThat(bepaal(profiel("TOP"), regular).nodig()).isFalse();
        assertThat(bepaal(profiel("TOP"), regular).plaatsing()).isNull();
        // a study with a pattern (Somtoday's opleiding is the study), and a group
        EnrolmentRecord lwoo = enrolment("3", "vmbo-bb LWOO", "1a", LocalDate.of(2026, 8, 17), null, null, null);
        assertThat(bepaal(new School.RequiredWhen(false, null, List.of("*lwoo"), null, null, null), lwoo).reden())
                .isEqualTo("studie vmbo-bb LWOO");
        assertThat(bepaal(new School.RequiredWhen(false, List.of("PrO"), null, null, null, null), lwoo).nodig()).isFalse();
        assertThat(bepaal(new School.RequiredWhen(false, null, null, null, List.of("1*"), null), lwoo).reden()).isEqualTo("groep 1a");
        assertThat(bepaal(new School.RequiredWhen(false, List.of("VSO*"), null, null, null, null),
                enrolment("4", "VSO/dagbesteding", "D1", LocalDate.of(2026, 8, 17), null, null, null)).nodig()).isTrue();
    }

    @Test
    void aStudentPlacedMidYearCountsFromThePlacement() {
        // a regular group from August, placed in a TOP group (Profiel TOP) on 12 October
        OppBehoefte b = bepaal(profiel("TOP"),
                enrolment("1", "vmbo-b", "2b", LocalDate.of(2026, 8, 17), LocalDate.of(2026, 10, 11), null, null),
                enrolment("2", "vmbo-b", "TOP1", LocalDate.of(2026, 10, 12), LocalDate.of(2027, 7, 31), "TOP", null));
        assertThat(b.nodig()).isTrue();
        assertThat(b.plaatsing()).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void reEnrolledEveryYearKeepsTheFirstPlacementAGapWithLesdagenStartsAgain() {
        EnrolmentRecord lastYear = enrolment("1", "VSO", "A1", LocalDate.of(2025, 8, 18), LocalDate.of(2026, 7, 3), "TOP", null);
        EnrolmentRecord thisYear = enrolment("2", "VSO", "A2", LocalDate.of(2026, 8, 17), null, "TOP", null);
        // noord: summer holiday 4 July to 16 August 2026, so no lesdag lies between the two
        assertThat(bepaal(profiel("TOP"), lastYear, thisYear).plaatsing()).isEqualTo(LocalDate.of(2025, 8, 18));
        EnrolmentRecord leftInMarch = enrolment("1", "VSO", "A1", LocalDate.of(2025, 8, 18), LocalDate.of(2026, 3, 13), "TOP", null);
        assertThat(bepaal(profiel("TOP"), leftInMarch, thisYear).plaatsing()).isEqualTo(LocalDate.of(2026, 8, 17));
    }

    @Test
    void withoutAnEnrolmentDateTheDayWeFirstSawTheStudent() {
        OppBehoefte b = OppBehoefte.bepaal(opp(new School.RequiredWhen(true, null, null, null, null, null)), STUDENT,
                List.of(), LocalDate.of(2026, 9, 1), TODAY, LESDAG);
        assertThat(b.nodig()).isTrue();
        assertThat(b.plaatsing()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(b.bron()).isEqualTo(OppBehoefte.Bron.EERST_GEZIEN);
        // a plan drawn up before we first saw the student: placed by then at the latest
        assertThat(b.uiterlijk(LocalDate.of(2026, 6, 1)).plaatsing()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(b.uiterlijk(LocalDate.of(2026, 10, 1)).plaatsing()).isEqualTo(LocalDate.of(2026, 9, 1));
        // the student list's study decides where the LVS gives no enrolment
        assertThat(OppBehoefte.bepaal(opp(new School.RequiredWhen(false, List.of("2 vmbo-b"), null, null, null, null)),
                STUDENT, List.of(), null, TODAY, LESDAG).bron()).isEqualTo(OppBehoefte.Bron.ONBEKEND);
    }
}
