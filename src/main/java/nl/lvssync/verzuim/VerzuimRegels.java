package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lvssync.verzuim.kalender.SchoolKalender;

/**
 * The verzuim rules of verzuim-rules.md over one student's records: pure and deterministic, so the same records
 * always give the same findings with the same keys (rule, signal, start date), which is what keeps alerts unique.
 */
public class VerzuimRegels {

    /**
     * The verdicts of an absence whose day's lessons the rules may need: only a missed lesson (unexcused, or late by
     * more than the threshold) can make a day missed whole, and that is all the rules ask of a day's lessons.
     */
    public static final Set<Verdict> DAGLESSEN_NODIG = Collections.unmodifiableSet(
            EnumSet.of(Verdict.UNEXCUSED, Verdict.LATE));

    public List<Bevinding> evaluate(Leerling leerling, List<Les> lessen, List<Absentie> absenties, SchoolKalender kalender,
                                    VerzuimBeleid beleid, LocalDate vandaag) {
        return evaluate(leerling, lessen, Map.<LocalDate, Integer>of(), absenties, kalender, beleid, vandaag);
    }

    /**
     * The same findings from fewer lessons: {@code lessen} need only hold every lesson of each day with an absence
     * whose verdict is in {@link #DAGLESSEN_NODIG}, {@code lesdagen} every other day on which the student had lessons
     * (a day without a missed lesson is never missed whole, so its lessons themselves are never read). A day in
     * {@code lesdagen} with a missed lesson but without its lessons is refused (IllegalArgumentException), never
     * guessed at.
     */
    public List<Bevinding> evaluate(Leerling leerling, List<Les> lessen, Set<LocalDate> lesdagen, List<Absentie> absenties,
                                    SchoolKalender kalender, VerzuimBeleid beleid, LocalDate vandaag) {
        Map<LocalDate, Integer> onbekend = new HashMap<>();
        lesdagen.forEach(d -> onbekend.put(d, 0));
        return evaluate(leerling, lessen, onbekend, absenties, kalender, beleid, vandaag);
    }

    /**
     * As above, with each lesson day's number of lessons (0: not known): {@code lessen} need then only hold the lessons
     * of a day whose missed lessons could cover them all (at least as many missed lesson ids as the day had lessons, or a
     * missed registration known only by its start time). A day with fewer missed lessons than it had is never missed
     * whole, and nearly every day with an absence is such a day.
     */
    public List<Bevinding> evaluate(Leerling leerling, List<Les> lessen, Map<LocalDate, Integer> lesdagen,
                                    List<Absentie> absenties, SchoolKalender kalender, VerzuimBeleid beleid,
                                    LocalDate vandaag) {
        return evaluate(leerling, lessen, Lesdagen.of(lesdagen), absenties, kalender, beleid, vandaag);
    }

    /** As above, with the lesdagen in their compact form. */
    public List<Bevinding> evaluate(Leerling leerling, List<Les> lessen, Lesdagen lesdagen, List<Absentie> absenties,
                                    SchoolKalender kalender, VerzuimBeleid beleid, LocalDate vandaag) {
        VerzuimDossier dossier = new VerzuimDossier(leerling, lessen, lesdagen, absenties, kalender, beleid, vandaag);
        List<Bevinding> wettelijk = ZestienUur.toets(dossier);
        List<Bevinding> alle = new ArrayList<>(wettelijk);
        alle.addAll(LangdurigVerzuim.toets(dossier));
        alle.addAll(LuxeVerzuim.toets(dossier));
        alle.addAll(Signaalverzuim.toets(dossier, wettelijk));
        alle.addAll(Ziekteverzuim.toets(dossier));
        // one finding per key, whichever sub-rule found it first
        Map<String, Bevinding> uniek = new LinkedHashMap<>();
        alle.stream()
                .sorted(Comparator.comparing(Bevinding::startDatum).thenComparing(b -> b.regel().ordinal())
                        .thenComparing(b -> b.signaal() == null ? -1 : b.signaal().ordinal()))
                .forEach(b -> uniek.putIfAbsent(b.regel() + "|" + b.signaal() + "|" + b.startDatum(), b));
        return List.copyOf(uniek.values());
    }
}
