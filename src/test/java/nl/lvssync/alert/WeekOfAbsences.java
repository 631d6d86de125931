package nl.lvssync.alert;

import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static nl.lvssync.lvs.magister.MagisterStub.absentie;
import static nl.lvssync.lvs.magister.MagisterStub.afspraak;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.lvssync.lvs.magister.MagisterStub;

/** One student's week on a Magister stub that crosses the 16-hour line exactly. */
final class WeekOfAbsences {

    private WeekOfAbsences() {
    }

    /**
     * Week of Monday 16 November 2026 (no holiday in region noord): six 50-minute lessons a day from 08:30 local
     * (07:30Z), Monday to Friday. Unexcused absent from the first four lessons Monday to Thursday: 16 lessons of at
     * most 60 minutes = 16 hours, the 16th reached on Thursday 19 November. Expected, by hand: LEGAL_16H, start
     * 2026-11-16 (first absence day), end 2026-11-19, 16.0 hours, deadline 5 working days after the end date:
     * Fri 20, Mon 23, Tue 24, Wed 25, Thu 26 November.
     */
    static void stub(WireMockServer lvs, String school, Set<Long> sickAbsences) {
        stub(lvs, school, sickAbsences, 4);
    }

    /**
     * As above, but absent from the first {@code thursdayLessons} lessons on Thursday 19 November. With all 6, the 16th
     * hour is still Thursday's fourth lesson, and the report holds the whole end day: 18 hours, 18 records.
     */
    static void stub(WireMockServer lvs, String school, Set<Long> sickAbsences, int thursdayLessons) {
        List<String> lessons = new ArrayList<>();
        List<String> absences = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            for (int period = 1; period <= 6; period++) {
                long id = 9000 + day * 10L + period;
                String date = "2026-11-" + (16 + day);
                int startMinutes = 7 * 60 + 30 + (period - 1) * 50;
                String start = date + "T" + hhmm(startMinutes) + ":00.0000000Z";
                String end = date + "T" + hhmm(startMinutes + 50) + ":00.0000000Z";
                lessons.add(afspraak(id, start, end, period, 1));
                if (day < 4 && period <= (day == 3 ? thursdayLessons : 4)) {
                    long absenceId = 500000 + id;
                    boolean sick = sickAbsences.contains(absenceId);
                    absences.add(absentie(absenceId, start, end, period, sick, id, sick ? 3 : 1, sick ? "ZK" : "AB"));
                }
            }
        }
        new MagisterStub(lvs, school).token(3600)
                .students("3001;7001;Noor;de;Wit;14-05-2012;2c;2 havo;Hoofdlocatie;;111222333")
                .aanmeldingen("3001", aanmelding("88", "2c"))
                .afspraken("3001", String.join(",", lessons))
                .absenties("3001", String.join(",", absences));
    }

    static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
