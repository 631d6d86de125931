package nl.lvssync.verzuim.plicht;

import java.time.LocalDate;
import java.util.Locale;
import nl.lvssync.verzuim.Leerling;

/** A student's duty (plicht) on a date, which decides whether absence is reported (Lpw art. 3, 4a). */
public enum Plicht {
    /** leerplichtig: compulsory education, until the end of the school year in which the student turns 16 */
    LEERPLICHTIG,
    /** kwalificatieplichtig: after that, until 18 or a startkwalificatie */
    KWALIFICATIEPLICHTIG,
    /** neither: 18 or older, a startkwalificatie, or exempt (praktijkonderwijs certificate, VSO arbeid/dagbesteding) */
    GEEN,
    /** no birth date: the rules still raise, marked "status unknown" */
    ONBEKEND;

    public boolean telt() {
        return this != GEEN;
    }

    public static Plicht op(Leerling leerling, LocalDate dag) {
        LocalDate geboren = leerling.geboortedatum();
        if (geboren == null) {
            return ONBEKEND;
        }
        LocalDate zestien = geboren.plusYears(16);
        // until 31 July of the school year (1 Aug - 31 Jul) in which the 16th birthday falls
        LocalDate eindeLeerplicht = LocalDate.of(zestien.getMonthValue() >= 8 ? zestien.getYear() + 1 : zestien.getYear(), 7, 31);
        if (!dag.isAfter(eindeLeerplicht)) {
            return LEERPLICHTIG;
        }
        if (!dag.isBefore(geboren.plusYears(18))) {
            return GEEN;
        }
        if (Boolean.TRUE.equals(leerling.startkwalificatie()) || leerling.praktijkonderwijsCertificaat()
                || vrijgesteldProfiel(leerling.uitstroomprofiel())) {
            return GEEN;
        }
        return KWALIFICATIEPLICHTIG;
    }

    /** VSO uitstroomprofiel arbeid or dagbesteding: not kwalificatieplichtig (art. 4a lid 2). */
    private static boolean vrijgesteldProfiel(String profiel) {
        if (profiel == null) {
            return false;
        }
        String p = profiel.strip().toLowerCase(Locale.ROOT);
        return p.contains("arbeid") || p.contains("dagbesteding");
    }
}
