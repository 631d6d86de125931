package nl.lvssync.verzuim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The words of verzuim-rules.md, written out as simply as possible, for the reference implementations of the rules
 * (SpecReferentieR1, R2, R3, R5) that the property tests compare the engine with. Nothing here calls the engine:
 * only "is this a lesdag" comes from the calendar, which is tested on its own.
 */
class SpecReferentie {

    /** One alert as the spec describes it; fields a rule does not define are null. */
    record Uitkomst(Regel regel, String signaal, LocalDate start, LocalDate eind, BigDecimal uren, LocalDate deadline) {
        @Override
        public String toString() {
            return regel + (signaal == null ? "" : "/" + signaal) + " " + start + ".." + eind
                    + (uren == null ? "" : " " + uren + "h") + (deadline == null ? "" : " deadline " + deadline);
        }
    }

    final GegenereerdeLeerling s;
    /** The registrations up to today, in time order. */
    final List<Absentie> registraties;

    SpecReferentie(GegenereerdeLeerling s) {
        this.s = s;
        this.registraties = s.absenties().stream().filter(a -> !a.datum().isAfter(s.vandaag()))
                .sorted(Comparator.comparing(Absentie::lesStart)).toList();
    }

    boolean lesdag(LocalDate dag) {
        return s.kalender().isLesdag(dag);
    }

    /** "lesweek: a calendar week (Mon-Sun) in which the school has lessons". */
    boolean lesweek(LocalDate maandag) {
        for (int i = 0; i < 7; i++) {
            if (lesdag(maandag.plusDays(i))) {
                return true;
            }
        }
        return false;
    }

    static LocalDate maandag(LocalDate dag) {
        return dag.minusDays(dag.getDayOfWeek().getValue() - 1L);
    }

    /**
     * R1: "take the calendar weeks (Monday to Sunday) after A's own week, skip those without a lesdag, and the window
     * ends (exclusive) on A's weekday in the fourth week counted"; with n for the other "within n lesweken".
     */
    LocalDate vensterEinde(LocalDate a, int n) {
        LocalDate week = maandag(a);
        int geteld = 0;
        while (geteld < n) {
            week = week.plusWeeks(1);
            if (lesweek(week)) {
                geteld++;
            }
        }
        return week.plusDays(a.getDayOfWeek().getValue() - 1L);
    }

    /**
     * A missed lesson: unexcused absence, or (R4) "a late arrival of more than 20 minutes counts as a missed lesson".
     */
    static boolean gemist(Absentie a) {
        return a.verdict() == Verdict.UNEXCUSED
                || a.verdict() == Verdict.LATE && Duration.between(a.lesStart(), a.start()).toMinutes() > 20;
    }

    /**
     * Subject to the duty on that date, for the generated students (no startkwalificatie, no exemption): leerplichtig
     * and then kwalificatieplichtig "until the 18th birthday"; "unknown birth date: raise the alert".
     */
    boolean plichtig(LocalDate dag) {
        LocalDate geboren = s.leerling().geboortedatum();
        return geboren == null || dag.isBefore(geboren.plusYears(18));
    }

    /** "each missed lesson of at most 60 minutes counts as one hour; a longer lesson counts its clock time" (minutes). */
    long minuten(Absentie a) {
        long minuten = Duration.between(a.lesStart(), a.lesEind()).toMinutes();
        return s.beleid().eenheid() == Eenheid.LESSON_PERIODS && minuten <= 60 ? 60 : minuten;
    }

    static BigDecimal uren(long minuten) {
        return BigDecimal.valueOf(minuten).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** Every lesson the student had that day was missed (unexcused). */
    boolean heleDagGemist(LocalDate dag) {
        List<Les> lessen = s.lessen().stream().filter(l -> l.datum().equals(dag)).toList();
        if (lessen.isEmpty()) {
            return false;
        }
        for (Les les : lessen) {
            boolean gemist = registraties.stream().anyMatch(a -> a.lesLvsId().equals(les.lvsId()) && gemist(a));
            if (!gemist) {
                return false;
            }
        }
        return true;
    }

    /** "within 5 working days": Monday to Friday. */
    static LocalDate werkdagenNa(LocalDate dag, int n) {
        LocalDate d = dag;
        for (int i = 0; i < n; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                i++;
            }
        }
        return d;
    }

    LocalDate schooljaarStart() {
        LocalDate v = s.vandaag();
        return LocalDate.of(v.getMonthValue() >= 8 ? v.getYear() : v.getYear() - 1, 8, 1);
    }

    /** The runs of consecutive lesdagen (weekends and holidays in between do not break one) on which this holds. */
    List<List<LocalDate>> reeksen(Predicate<LocalDate> geldt) {
        List<List<LocalDate>> reeksen = new ArrayList<>();
        List<LocalDate> reeks = new ArrayList<>();
        for (LocalDate dag : lesdagenTotVandaag()) {
            if (geldt.test(dag)) {
                reeks.add(dag);
            } else if (!reeks.isEmpty()) {
                reeksen.add(reeks);
                reeks = new ArrayList<>();
            }
        }
        if (!reeks.isEmpty()) {
            reeksen.add(reeks);
        }
        return reeksen;
    }

    List<LocalDate> lesdagenTotVandaag() {
        List<LocalDate> dagen = new ArrayList<>();
        for (LocalDate d = schooljaarStart(); !d.isAfter(s.vandaag()); d = d.plusDays(1)) {
            if (lesdag(d)) {
                dagen.add(d);
            }
        }
        return dagen;
    }
}
