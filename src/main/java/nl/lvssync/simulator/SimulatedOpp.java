package nl.lvssync.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The support side of a simulated school, generated like everything else from (seed, school, index): which students
 * have a support profile (Magister's Profiel: LWOO or TOP for some vmbo students), when a student was enrolled, and
 * their ontwikkelingsperspectiefplan (OPP) with its versions as the school's OPP module exports it. Most plans are
 * set within six weeks and evaluated each year at the last group meeting; a few are missing, still a concept, set
 * without all contents, or due or overdue for their evaluation, so the demo shows every OPP alert. Dates that make a
 * plan due are counted from this week's Monday, so an export stays the same all week.
 */
final class SimulatedOpp {

    /** The columns of lvs-apis.md, "OPP data". */
    static final String HEADER = "leerling_id;plan_id;versie;status;opgesteld_op;vastgesteld_op;geevalueerd_op;"
            + "uitstroomprofiel;uitstroombestemming;onderbouwing;beoogde_uitstroomdatum;leerroute;onderwijstraject;"
            + "vakkenpakket;arrangement;begeleiding;coach;beginsituatie_didactisch;beginsituatie_leergedrag;"
            + "beginsituatie_sociaal_emotioneel;bevorderende_factoren;belemmerende_factoren;instemming_ouders_op";

    private static final String[][] PROFIELEN = {
        // uitstroomprofiel, bestemming, onderbouwing, leerroute, traject, vakkenpakket
        {"vervolgonderwijs", "Entree-opleiding (mbo 1)", "Haalt de certificaten op BB-niveau; leert het best in de praktijk",
            "Route Vervolgonderwijs", "Voorportaal, 2 dagen per week bij het mbo", "Nederlands, rekenen, Engels, praktijk"},
        {"vervolgonderwijs", "Mbo niveau 2 (Zorg en welzijn)", "Cognitief op niveau; de begeleiding op het mbo is geregeld",
            "Route Vervolgonderwijs", "VMBO-BB met diploma", "Nederlands, Engels, wiskunde, zorg en welzijn"},
        {"arbeid", "Beschut werk", "Werkt zelfstandig aan eenvoudige taken; heeft structuur en een vaste begeleider nodig",
            "Route Arbeid", "Stage 2 dagen per week", "Nederlands, rekenen, arbeidsvaardigheden"},
        {"arbeid", "Reguliere arbeid met loonkostensubsidie", "Sterk in de praktijk, heeft baat bij een leerwerkplek",
            "Route Arbeid", "Interne stage, daarna externe stage", "Nederlands, rekenen, praktijk, VCA"},
        {"dagbesteding", "Arbeidsmatige dagbesteding", "Heeft intensieve begeleiding nodig; werkt in een kleine groep",
            "Route Dagbesteding", "Groepsstage bij de dagbesteding", "Zelfredzaamheid, burgerschap, praktijk"}};
    private static final String[][] ARRANGEMENTEN = {
        // VSO: code (the school's arrangement-codes name them), begeleiding
        {"REG", "Mentor en gedragsdeskundige; groepsbespreking twee keer per jaar"},
        {"TRAJ", "Trajectgroep: vaste begeleider, eigen lokaal, korte instructie"},
        {"MW", "Maatwerkvoorziening: eigen rooster, wekelijks gesprek met ouders"},
        {"TOPB", "TOP begeleiding: coachondersteuner één dagdeel per week"}};

    private SimulatedOpp() {
    }

    /** A student's support profile in the LVS (Profiel): some vmbo students learn with LWOO, a few in a TOP group. */
    static String profiel(SimulatedSchool school, GeneratedStudent s) {
        if (s.klas().afdeling() != Klas.Afdeling.VMBO) {
            return null;
        }
        double u = Mix.unit(Mix.hash(school.hash(), 0x0FF1EL, s.index()));
        return u < 0.22 ? "LWOO" : u < 0.30 ? "TOP" : null;
    }

    /**
     * The day a student was enrolled (placed): the first of August of a year since their first school year, and for a
     * few, placed mid-year, a recent day of this school year.
     */
    static LocalDate inschrijfdatum(SimulatedSchool school, GeneratedStudent s, Schooljaar jaar, LocalDate today) {
        long h = Mix.hash(school.hash(), 0x1A5L, s.index());
        if (Mix.unit(h) < 0.06) {
            LocalDate midYear = today.minusDays(10 + Mix.below(Mix.hash(h, 1), 40));
            return midYear.isBefore(jaar.start()) ? jaar.start() : midYear;
        }
        return jaar.start().minusYears(Mix.below(Mix.hash(h, 2), s.klas().leerjaar()));
    }

    /** Where the Magister shapes place a student: the first of August of the first school year they are enrolled in. */
    static LocalDate magisterPlaatsing(GeneratedStudent s, Schooljaar jaar) {
        return s.klas().leerjaar() > 1 ? jaar.start().minusYears(1) : jaar.start();
    }

    /**
     * The plan's versions as export lines (without the header), oldest first; none for a student whose plan is missing.
     *
     * @param vso  a VSO school: everyone has a plan, set with the parents and evaluated at the last group meeting
     * @param iso  dates as yyyy-MM-dd (else dd-MM-yyyy)
     */
    static List<String> plan(SimulatedSchool school, GeneratedStudent s, String arrangement, LocalDate geplaatst,
                             LocalDate today, boolean vso, boolean iso) {
        List<String> lines = new ArrayList<>();
        if (geplaatst.isAfter(today)) {
            return lines;
        }
        long h = Mix.hash(school.hash(), 0x0B9L, s.index());
        double u = Mix.unit(h);
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate opgesteld = geplaatst.plusWeeks(2);
        LocalDate vastgesteld = geplaatst.plusDays(21 + Mix.below(Mix.hash(h, 1), 14));
        String id = "OPP-" + s.stamnr();
        Inhoud inhoud = new Inhoud(s, school, h, arrangement, vso);
        if (u < 0.05) {
            return lines;  // the plan is missing
        }
        if (u < 0.10 || vastgesteld.isAfter(today)) {
            if (!opgesteld.isAfter(today)) {
                lines.add(line(s, id, 1, "concept", opgesteld, null, null, inhoud, false, iso));
            }
            return lines;
        }
        if (u < 0.16) {
            // set without the destination, its justification and the parents' agreement: what the Inspectie finds
            lines.add(line(s, id, 1, "vastgesteld", opgesteld, vastgesteld, null, inhoud, false, iso));
            return lines;
        }
        // evaluated at the last group meeting of each school year since the plan was set (VSO: evaluated and set anew
        // the same day); a few are due within the next weeks, a few more than a year ago
        LocalDate laatste = null;
        if (u < 0.24 && vastgesteld.isBefore(week.minusWeeks(52))) {
            laatste = week.minusWeeks(50).minusDays(Mix.below(Mix.hash(h, 3), 7));
        } else if (u < 0.27 && vastgesteld.isBefore(week.minusWeeks(58))) {
            laatste = week.minusWeeks(55).minusDays(Mix.below(Mix.hash(h, 4), 14));
        }
        LocalDate tot = laatste == null ? today : laatste.minusMonths(3);
        List<LocalDate> evaluaties = new ArrayList<>();
        for (LocalDate m = laatsteGroepsbespreking(vastgesteld); !m.isAfter(tot); m = laatsteGroepsbespreking(m.plusDays(1))) {
            if (m.isAfter(vastgesteld.plusMonths(3))) {
                evaluaties.add(m);
            }
        }
        if (laatste != null) {
            evaluaties.add(laatste);
        }
        lines.add(line(s, id, 1, "vastgesteld", opgesteld, vastgesteld, null, inhoud, true, iso));
        int versie = 1;
        for (LocalDate e : evaluaties) {
            versie++;
            lines.add(line(s, id, versie, "geevalueerd", opgesteld, vso ? e : vastgesteld, e, inhoud, true, iso));
        }
        return lines;
    }

    /** The last group meeting of the school year a day falls in: the last Thursday of June. */
    static LocalDate laatsteGroepsbespreking(LocalDate day) {
        int year = day.getMonthValue() >= 8 ? day.getYear() + 1 : day.getYear();
        LocalDate juni = LocalDate.of(year, 6, 30).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        return day.isAfter(juni) ? laatsteGroepsbespreking(LocalDate.of(year, 8, 1)) : juni;
    }

    private record Inhoud(GeneratedStudent s, SimulatedSchool school, long h, String arrangement, boolean vso) {
        String[] profiel() {
            return PROFIELEN[vso ? Mix.below(Mix.hash(h, 5), PROFIELEN.length) : Mix.below(Mix.hash(h, 5), 2)];
        }

        String bestemming() {
            return profiel()[1];
        }

        String onderbouwing() {
            return profiel()[2];
        }

        String begeleiding() {
            return vso ? ARRANGEMENTEN[Mix.below(Mix.hash(h, 6), ARRANGEMENTEN.length)][1]
                    : "TOP".equals(arrangement) ? "TOP groep: kleine groep, vaste coach, eigen rooster"
                    : "Leerwegondersteuning: extra instructie Nederlands en rekenen in kleine groep";
        }

        String code() {
            return vso ? ARRANGEMENTEN[Mix.below(Mix.hash(h, 6), ARRANGEMENTEN.length)][0] : arrangement;
        }

        String coach() {
            return school.docent(Mix.below(Mix.hash(h, 7), SimulatedSchool.DOCENTEN)).naam();
        }
    }

    private static String line(GeneratedStudent s, String id, int versie, String status, LocalDate opgesteld,
                               LocalDate vastgesteld, LocalDate geevalueerd, Inhoud i, boolean instemming, boolean iso) {
        String[] p = i.profiel();
        LocalDate uitstroom = LocalDate.of(s.geboortedatum().getYear() + 18, 7, 31);
        // a set plan without the parents' agreement also lacks its destination and justification (the incomplete ones)
        boolean lacking = vastgesteld != null && !instemming;
        return Stream.of(String.valueOf(s.personId()), id, String.valueOf(versie), status, date(opgesteld, iso),
                date(vastgesteld, iso), date(geevalueerd, iso), p[0], lacking ? "" : p[1], lacking ? "" : p[2],
                date(uitstroom, iso), p[3], p[4], p[5],
                i.code(), i.begeleiding(), i.coach(), "Leest op AVI " + (5 + Mix.below(Mix.hash(i.h(), 8), 5))
                        + ", rekent op niveau " + (Mix.unit(Mix.hash(i.h(), 9)) < 0.5 ? "1F" : "2F"),
                "Werkt " + (10 + 5 * Mix.below(Mix.hash(i.h(), 10), 4)) + " minuten zelfstandig aan een taak",
                Mix.unit(Mix.hash(i.h(), 11)) < 0.5 ? "Zoekt contact met leeftijdsgenoten, soms impulsief"
                        : "Teruggetrokken in de groep, vertrouwt op de mentor",
                "Gemotiveerd voor praktisch werk; betrokken ouders", "Snel overprikkeld bij veranderingen",
                instemming && vastgesteld != null ? date(vastgesteld, iso) : "")
                .map(SimulatedOpp::cell).collect(Collectors.joining(";"));
    }

    /** A cell as a careful exporter writes it: quoted when it holds the separator or a quote. */
    private static String cell(String value) {
        return value.contains(";") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String date(LocalDate d, boolean iso) {
        if (d == null) {
            return "";
        }
        return iso ? d.toString() : String.format("%02d-%02d-%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
