package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import nl.lvssync.verzuim.plicht.Plicht;

/**
 * R3 LUXE: a whole lesdag unexcused on the last lesdag before, or the first lesdag after, a schoolvakantie,
 * without granted leave. Mandatory report, regardless of hours.
 */
final class LuxeVerzuim {

    private LuxeVerzuim() {
    }

    static List<Bevinding> toets(VerzuimDossier d) {
        if (d.absenties().isEmpty()) {
            return List.of();
        }
        LocalDate van = SchoolKalender.schooljaarStart(d.absenties().get(0).datum());
        TreeSet<LocalDate> randdagen = new TreeSet<>();
        for (Schoolvakantie v : d.kalender.vakanties(van, d.vandaag)) {
            d.kalender.vorigeLesdag(v.from()).ifPresent(randdagen::add);
            d.kalender.volgendeLesdag(v.to()).ifPresent(randdagen::add);
        }
        return randdagen.stream()
                .filter(dag -> !dag.isBefore(van) && !dag.isAfter(d.vandaag))
                .map(dag -> luxe(d, dag))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<Bevinding> luxe(VerzuimDossier d, LocalDate dag) {
        List<Absentie> opDag = d.op(dag);
        if (!d.heleDagGemist(dag) || !d.plicht(dag).telt() || opDag.stream().anyMatch(a -> a.verdict() == Verdict.LEAVE)) {
            return Optional.empty();
        }
        List<Absentie> geteld = opDag.stream().filter(d::isOngeoorloofdGemist).toList();
        boolean onbekend = d.plicht(dag) == Plicht.ONBEKEND;
        return Optional.of(new Bevinding(Regel.LUXE, null, dag, dag, VerzuimDossier.som(geteld, d),
                SchoolKalender.werkdagenNa(dag, d.beleid.deadlineWerkdagen()), dag, dag, onbekend,
                d.onvolledig(dag, dag.plusDays(1)), true, 1, geteld.stream().map(d::bijdrage).toList(),
                "De hele lesdag %s, direct voor of na een schoolvakantie, ongeoorloofd afwezig zonder verlof.".formatted(dag)
                        + (onbekend ? " Geboortedatum onbekend: leerplicht niet vastgesteld." : "")));
    }
}
