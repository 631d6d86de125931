package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** R1, 16 hours in 4 lesweken, step by step as verzuim-rules.md words it. */
final class SpecReferentieR1 extends SpecReferentie {

    static final long ZESTIEN_UUR = 16 * 60;

    SpecReferentieR1(GegenereerdeLeerling s) {
        super(s);
    }

    List<Uitkomst> meldingen() {
        // "Counts only unexcused absence of a student subject to the duty on that date."
        List<Absentie> geteld = registraties.stream().filter(a -> gemist(a) && plichtig(a.datum())).toList();
        List<Uitkomst> meldingen = new ArrayList<>();
        // 1. "Let the counting start be the start of the school year, or the day after the last R1 end date."
        LocalDate telStart = schooljaarStart();
        LocalDate vorigeEinddatum = null;
        // 2. "For each absence day A, in ascending order, add up the hours in [A, end of A's window) in time order."
        for (LocalDate a : geteld.stream().map(Absentie::datum).distinct().sorted().toList()) {
            if (a.isBefore(telStart)) {
                continue;
            }
            LocalDate vensterEinde = vensterEinde(a, 4);
            long totaal = 0;
            LocalDate zestienBereikt = null;
            LocalDate zevenDagenLater = null;
            for (Absentie x : geteld) {
                if (x.datum().isBefore(a) || !x.datum().isBefore(vensterEinde)) {
                    continue;
                }
                totaal += minuten(x);
                if (totaal >= ZESTIEN_UUR) {
                    if (zestienBereikt == null) {
                        zestienBereikt = x.datum();
                    }
                    // Restart: "... the next end date is the first day that reaches 16 hours and is at least 7 calendar
                    // days after the previous end date"
                    if (vorigeEinddatum == null || !x.datum().isBefore(vorigeEinddatum.plusDays(7))) {
                        zevenDagenLater = x.datum();
                        break;
                    }
                }
            }
            if (zestienBereikt == null) {
                continue;
            }
            // 3. "The first A whose running total reaches 16 fires the alert: start date = A, end date = the day on
            // which the running total reached 16" -- unless, Restart: "if every lesdag after the previous end date was
            // missed whole (unexcused)", then the 7-day end date; "a student who attended any lesson in between is
            // reported as soon as 16 hours are reached again"
            LocalDate einddatum = zestienBereikt;
            if (vorigeEinddatum != null) {
                LocalDate tot = zevenDagenLater != null ? zevenDagenLater : s.vandaag();
                boolean elkeLesdagHeelGemist = true;
                for (LocalDate d = vorigeEinddatum.plusDays(1); !d.isAfter(tot); d = d.plusDays(1)) {
                    if (lesdag(d) && !heleDagGemist(d)) {
                        elkeLesdagHeelGemist = false;
                    }
                }
                if (elkeLesdagHeelGemist) {
                    if (zevenDagenLater == null) {
                        continue; // not yet: the 7 days have not passed
                    }
                    einddatum = zevenDagenLater;
                }
            }
            // "the alert's hours = every counted hour from the start date through the end date, the whole end day"
            long uren = 0;
            for (Absentie x : geteld) {
                if (!x.datum().isBefore(a) && !x.datum().isAfter(einddatum)) {
                    uren += minuten(x);
                }
            }
            // "Deadline: ... within 5 working days of the end date"
            meldingen.add(new Uitkomst(Regel.LEGAL_16H, null, a, einddatum, uren(uren), werkdagenNa(einddatum, 5)));
            // 4. "The next count starts the day after that end date."
            telStart = einddatum.plusDays(1);
            vorigeEinddatum = einddatum;
        }
        return meldingen;
    }
}
