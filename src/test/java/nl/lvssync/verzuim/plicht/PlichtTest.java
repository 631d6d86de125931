package nl.lvssync.verzuim.plicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.lvssync.verzuim.Leerling;
import org.junit.jupiter.api.Test;

/** Duty status on a date (Lpw art. 3, 4a), decided on the date of the absence. */
class PlichtTest {

    static Plicht op(String geboren, String profiel, Boolean startkwalificatie, String dag) {
        return Plicht.op(new Leerling("1", geboren == null ? null : LocalDate.parse(geboren), profiel, false, startkwalificatie),
                LocalDate.parse(dag));
    }

    @Test
    void leerplichtEndsWithTheSchoolYearOfTheSixteenthBirthday() {
        // 16 on Fri 31 Jul 2026: that is still school year 2025-2026, so leerplicht ended 31 Jul 2026
        assertThat(op("2010-07-31", null, null, "2026-07-31")).isEqualTo(Plicht.LEERPLICHTIG);
        assertThat(op("2010-07-31", null, null, "2026-09-01")).isEqualTo(Plicht.KWALIFICATIEPLICHTIG);
        // 16 on Sat 1 Aug 2026: school year 2026-2027, leerplichtig until 31 Jul 2027
        assertThat(op("2010-08-01", null, null, "2026-09-01")).isEqualTo(Plicht.LEERPLICHTIG);
        assertThat(op("2010-08-01", null, null, "2027-08-01")).isEqualTo(Plicht.KWALIFICATIEPLICHTIG);
    }

    @Test
    void kwalificatieplichtEndsAtEighteenOrAStartkwalificatie() {
        assertThat(op("2008-11-04", null, null, "2026-11-03")).isEqualTo(Plicht.KWALIFICATIEPLICHTIG);
        assertThat(op("2008-11-04", null, null, "2026-11-04")).isEqualTo(Plicht.GEEN);
        assertThat(op("2009-11-04", null, true, "2026-11-04")).isEqualTo(Plicht.GEEN);
        // VSO arbeid / dagbesteding are not kwalificatieplichtig, but still leerplichtig while that lasts
        assertThat(op("2009-11-04", "VSO arbeid", null, "2026-11-04")).isEqualTo(Plicht.GEEN);
        assertThat(op("2011-11-04", "dagbesteding", null, "2026-11-04")).isEqualTo(Plicht.LEERPLICHTIG);
        assertThat(op(null, null, null, "2026-11-04")).isEqualTo(Plicht.ONBEKEND);
        assertThat(Plicht.ONBEKEND.telt()).isTrue();
    }
}
