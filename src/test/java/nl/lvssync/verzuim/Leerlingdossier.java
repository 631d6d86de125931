package nl.lvssync.verzuim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.lvssync.verzuim.kalender.Regio;
import nl.lvssync.verzuim.kalender.SchoolKalender;

/**
 * A test student's file, written the way the spec talks: a timetable of lessons per lesdag, and absences by day and
 * lesson period. Lessons start at 08:30 Amsterdam time and follow each other without breaks.
 */
final class Leerlingdossier {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private Leerling leerling = new Leerling("1001", LocalDate.of(2012, 5, 14), null, false, null);
    private SchoolKalender kalender = SchoolKalender.voorRegio(Regio.NOORD, List.of(), Set.of());
    private Eenheid eenheid = Eenheid.LESSON_PERIODS;
    private int lessenPerDag = 6;
    private int minuten = 50;
    private final List<Absentie> absenties = new ArrayList<>();
    private LocalDate gatVan;
    private LocalDate gatTot;
    private DayOfWeek alleenOp;
    private int volgnummer;

    static Leerlingdossier leerling() {
        return new Leerlingdossier();
    }

    Leerlingdossier geboren(LocalDate datum) {
        leerling = new Leerling(leerling.lvsId(), datum, leerling.uitstroomprofiel(), false, leerling.startkwalificatie());
        return this;
    }

    Leerlingdossier uitstroomprofiel(String profiel) {
        leerling = new Leerling(leerling.lvsId(), leerling.geboortedatum(), profiel, false, leerling.startkwalificatie());
        return this;
    }

    Leerlingdossier kalender(SchoolKalender k) {
        kalender = k;
        return this;
    }

    Leerlingdossier eenheid(Eenheid e) {
        eenheid = e;
        return this;
    }

    /** Every lesdag has this many lessons of this many minutes. */
    Leerlingdossier rooster(int lessen, int minutenPerLes) {
        lessenPerDag = lessen;
        minuten = minutenPerLes;
        return this;
    }

    /** The student's lessons from..to (inclusive) are missing from the records (a gap in the LVS data). */
    Leerlingdossier zonderLessen(LocalDate van, LocalDate tot) {
        gatVan = van;
        gatTot = tot;
        return this;
    }

    /** The student has lessons on this weekday only (part-time, e.g. beside a work placement). */
    Leerlingdossier alleenOp(DayOfWeek dag) {
        alleenOp = dag;
        return this;
    }

    /** Absent from these lesson periods (1-based) on this day, with this verdict. */
    Leerlingdossier absent(LocalDate dag, Verdict verdict, int... lesuren) {
        for (int uur : lesuren) {
            absenties.add(absentie(dag, uur, verdict, 0));
        }
        return this;
    }

    /** Unexcused absent from the first n lessons of each of these days. */
    Leerlingdossier ongeoorloofd(int n, LocalDate... dagen) {
        for (LocalDate dag : dagen) {
            for (int uur = 1; uur <= n; uur++) {
                absenties.add(absentie(dag, uur, Verdict.UNEXCUSED, 0));
            }
        }
        return this;
    }

    /** Unexcused absent for every lesson of every lesdag from..to (inclusive). */
    Leerlingdossier heleDagenOngeoorloofd(LocalDate van, LocalDate tot) {
        for (LocalDate dag : kalender.lesdagen(van, tot.plusDays(1))) {
            ongeoorloofd(lessenPerDag, dag);
        }
        return this;
    }

    /** Attended these lesson periods after all: their registrations are taken away. */
    Leerlingdossier aanwezig(LocalDate dag, int... lesuren) {
        for (int uur : lesuren) {
            absenties.removeIf(a -> a.lesLvsId().equals(lesId(dag, uur)));
        }
        return this;
    }

    /** Arrived this many minutes late in the first lesson of the day. */
    Leerlingdossier teLaat(LocalDate dag, int minutenTeLaat) {
        absenties.add(absentie(dag, 1, Verdict.LATE, minutenTeLaat));
        return this;
    }

    Leerlingdossier ziek(LocalDate van, LocalDate tot) {
        for (LocalDate dag : kalender.lesdagen(van, tot.plusDays(1))) {
            for (int uur = 1; uur <= lessenPerDag; uur++) {
                absenties.add(absentie(dag, uur, Verdict.SICK, 0));
            }
        }
        return this;
    }

    /** Re-codes every registration on these days (a parent's call registered later). */
    Leerlingdossier hercodeer(Verdict verdict, LocalDate... dagen) {
        List<LocalDate> lijst = List.of(dagen);
        absenties.replaceAll(a -> lijst.contains(a.datum())
                ? new Absentie(a.lvsId(), a.lesLvsId(), a.datum(), a.start(), a.eind(), a.lesStart(), a.lesEind(), a.code(), verdict)
                : a);
        return this;
    }

    List<Bevinding> evalueer(LocalDate vandaag) {
        return new VerzuimRegels().evaluate(leerling, lessen(vandaag), List.copyOf(absenties), kalender,
                VerzuimBeleid.standaard(eenheid), vandaag);
    }

    List<Bevinding> evalueer(LocalDate vandaag, Regel regel) {
        return evalueer(vandaag).stream().filter(b -> b.regel() == regel).toList();
    }

    private List<Les> lessen(LocalDate vandaag) {
        List<Les> lessen = new ArrayList<>();
        LocalDate eerste = absenties.stream().map(Absentie::datum).min(LocalDate::compareTo).orElse(vandaag);
        LocalDate van = SchoolKalender.schooljaarStart(eerste.isBefore(vandaag) ? eerste : vandaag);
        for (LocalDate dag : kalender.lesdagen(van, vandaag.plusWeeks(8))) {
            boolean inGat = gatVan != null && !dag.isBefore(gatVan) && !dag.isAfter(gatTot);
            if (inGat || dag.getDayOfWeek() == DayOfWeek.SATURDAY || dag.getDayOfWeek() == DayOfWeek.SUNDAY
                    || (alleenOp != null && dag.getDayOfWeek() != alleenOp)) {
                continue;
            }
            for (int uur = 1; uur <= lessenPerDag; uur++) {
                lessen.add(new Les(lesId(dag, uur), dag, lesStart(dag, uur), lesStart(dag, uur).plusSeconds(60L * minuten)));
            }
        }
        return lessen;
    }

    private Absentie absentie(LocalDate dag, int uur, Verdict verdict, int minutenTeLaat) {
        Instant start = lesStart(dag, uur);
        Instant eind = start.plusSeconds(60L * minuten);
        return new Absentie("a" + (++volgnummer), lesId(dag, uur), dag, start.plusSeconds(60L * minutenTeLaat), eind,
                start, eind, verdict.name(), verdict);
    }

    private Instant lesStart(LocalDate dag, int uur) {
        return dag.atTime(8, 30).atZone(AMSTERDAM).toInstant().plusSeconds(60L * minuten * (uur - 1));
    }

    private static String lesId(LocalDate dag, int uur) {
        return dag + "#" + uur;
    }
}
