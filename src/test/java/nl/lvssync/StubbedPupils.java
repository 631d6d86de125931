package nl.lvssync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static nl.lvssync.lvs.magister.MagisterStub.absentie;
import static nl.lvssync.lvs.magister.MagisterStub.afspraak;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.lvssync.lvs.magister.MagisterStub;

/** A Magister school on the shared WireMock whose pupils each miss some lessons in one week. */
public final class StubbedPupils {

    /**
     * A pupil with six 50-minute lessons a day (from 08:30 local) in the week of {@code monday}, absent from the first
     * {@code lessonsADay} of them Monday to Thursday with code {@code code} (AB: unexcused, ZK: sick).
     */
    public record Pupil(String id, String name, String klas, LocalDate monday, int lessonsADay, String code) {
        public Pupil(String id, String name, String klas, LocalDate monday, int lessonsADay) {
            this(id, name, klas, monday, lessonsADay, "AB");
        }
    }

    private StubbedPupils() {
    }

    /** name is "roepnaam;tussenvoegsel;achternaam"; absenceDelayMs slows each pupil's absences call. */
    public static void stub(WireMockServer lvs, String school, List<Pupil> pupils, int absenceDelayMs) {
        MagisterStub stub = new MagisterStub(lvs, school).token(3600);
        List<String> rows = new ArrayList<>();
        for (Pupil p : pupils) {
            rows.add(p.id() + ";" + (70000 + Integer.parseInt(p.id())) + ";" + p.name() + ";14-05-2012;" + p.klas()
                    + ";2 havo;Hoofdlocatie;;123456782");
            List<String> lessons = new ArrayList<>();
            List<String> absences = new ArrayList<>();
            for (int day = 0; day < 5; day++) {
                for (int period = 1; period <= 6; period++) {
                    long id = Long.parseLong(p.id()) * 100 + day * 10L + period;
                    String date = p.monday().plusDays(day).toString();
                    int start = 7 * 60 + 30 + (period - 1) * 50;
                    String from = date + "T" + hhmm(start) + ":00.0000000Z";
                    String to = date + "T" + hhmm(start + 50) + ":00.0000000Z";
                    lessons.add(afspraak(id, from, to, period, 1));
                    if (day < 4 && period <= p.lessonsADay()) {
                        boolean sick = "ZK".equals(p.code());
                        absences.add(absentie(900000 + id, from, to, period, sick, id, sick ? 3 : 1, p.code()));
                    }
                }
            }
            stub.aanmeldingen(p.id(), aanmelding(p.id() + "1", p.klas())).afspraken(p.id(), String.join(",", lessons));
            stub.stubFor(get(urlPathEqualTo(stub.prefix() + "/api/personen/" + p.id() + "/absenties"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withFixedDelay(absenceDelayMs)
                            .withBody("{\"Items\":[" + String.join(",", absences) + "],\"Links\":[]}")));
        }
        stub.students(rows.toArray(String[]::new));
    }

    private static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
