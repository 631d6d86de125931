package nl.lvssync.verzuim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.lvssync.verzuim.kalender.Regio;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import nl.lvssync.verzuim.kalender.Schoolvakanties;

/**
 * A generated student (seeded, so the same seed always gives the same student): one school year of a school in a
 * region, with its holidays, the school's own study days and free periods, a timetable of lessons of mixed lengths
 * on every lesdag, and absences drawn from several habits at once: single lessons and whole days unexcused, late
 * arrivals, continuous absence for weeks (sometimes broken by one attended lesson), sickness episodes, and whole
 * days next to holidays. Each lesson has at most one registration.
 *
 * @param vakanties the holiday periods the school has (regional and its own), as the spec calls them
 */
record GegenereerdeLeerling(long seed, String beschrijving, Leerling leerling, Regio regio, SchoolKalender kalender,
                            List<Schoolvakantie> vakanties, VerzuimBeleid beleid, List<Les> lessen,
                            List<Absentie> absenties, LocalDate vandaag) {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final int[] LENGTES = {45, 50, 60, 90};

    List<Bevinding> evalueer() {
        return new VerzuimRegels().evaluate(leerling, lessen, absenties, kalender, beleid, vandaag);
    }

    static GegenereerdeLeerling genereer(long seed) {
        Random r = new Random(seed);
        Regio regio = Regio.values()[r.nextInt(3)];
        int jaar = regio == Regio.NOORD && r.nextInt(4) == 0 ? 2026 : 2025;
        LocalDate jaarStart = LocalDate.of(jaar, 8, 1);
        LocalDate jaarEinde = LocalDate.of(jaar + 1, 7, 31);
        List<Schoolvakantie> regionaal = Schoolvakanties.forRegion(regio).stream()
                .filter(v -> !v.to().isBefore(jaarStart) && !v.from().isAfter(jaarEinde)).toList();
        List<Schoolvakantie> eigen = eigenVrijeDagen(r, jaar, regionaal);
        SchoolKalender kalender = SchoolKalender.voorRegio(regio, eigen, Set.of());
        List<Schoolvakantie> vakanties = new ArrayList<>(regionaal);
        vakanties.addAll(eigen);

        List<LocalDate> lesdagen = kalender.lesdagen(jaarStart, jaarEinde.plusDays(1));
        LocalDate eersteLesdag = lesdagen.get(0);
        LocalDate laatsteLesdag = lesdagen.get(lesdagen.size() - 1);
        LocalDate gekozen = eersteLesdag.plusDays(40 + r.nextInt((int) (laatsteLesdag.toEpochDay() - eersteLesdag.toEpochDay())));
        LocalDate vandaag = gekozen.isAfter(laatsteLesdag) ? laatsteLesdag : gekozen;
        Eenheid eenheid = r.nextInt(10) < 7 ? Eenheid.LESSON_PERIODS : Eenheid.CLOCK_HOURS;
        LocalDate geboren = switch (r.nextInt(10)) {
            case 0 -> null;
            case 1 -> LocalDate.of(jaar - 18, 9, 1).plusDays(r.nextInt(300)); // turns 18 during the school year
            case 2 -> LocalDate.of(jaar - 20, 3, 1);                          // 18 or older all year: never counted
            default -> LocalDate.of(jaar - 13, 1, 1).plusDays(r.nextInt(3 * 365));
        };
        Leerling leerling = new Leerling("g" + seed, geboren, null, false, null);

        // the timetable: per weekday a number of lessons, each period with its own length
        int[] aantal = new int[5];
        for (int i = 0; i < 5; i++) {
            aantal[i] = 5 + r.nextInt(4);
        }
        int[] lengte = new int[8];
        int soort = r.nextInt(4);
        for (int i = 0; i < 8; i++) {
            lengte[i] = soort == 3 ? LENGTES[r.nextInt(LENGTES.length)] : LENGTES[soort];
        }
        Rooster rooster = new Rooster(aantal, lengte);
        List<Les> lessen = new ArrayList<>();
        for (LocalDate dag : lesdagen) {
            for (int uur = 1; uur <= rooster.lessen(dag); uur++) {
                lessen.add(new Les(lesId(dag, uur), dag, rooster.start(dag, uur), rooster.eind(dag, uur)));
            }
        }

        Map<String, Registratie> registraties = new LinkedHashMap<>();
        List<LocalDate> tot = lesdagen.stream().filter(d -> !d.isAfter(vandaag)).toList();
        double pLes = new double[] {0, 0.01, 0.03, 0.08}[r.nextInt(4)];
        double pDag = new double[] {0, 0.01, 0.03, 0.06}[r.nextInt(4)];
        double pLaat = new double[] {0, 0, 0.03, 0.08}[r.nextInt(4)];
        for (LocalDate dag : tot) {
            for (int uur = 1; uur <= rooster.lessen(dag); uur++) {
                double x = r.nextDouble();
                if (x < pLes) {
                    registraties.put(lesId(dag, uur), new Registratie(dag, uur, Verdict.UNEXCUSED, 0));
                } else if (x < pLes + 0.01) {
                    registraties.put(lesId(dag, uur), new Registratie(dag, uur, Verdict.EXCUSED, 0));
                }
            }
            if (r.nextDouble() < pDag) {
                heleDag(registraties, rooster, dag, Verdict.UNEXCUSED);
            }
            if (r.nextDouble() < pLaat) {
                registraties.put(lesId(dag, 1), new Registratie(dag, 1, Verdict.LATE, r.nextBoolean() ? 10 : 25));
            }
        }
        // whole days next to a holiday (or next to a single day off), sometimes with leave, sometimes one lesson short
        double pRand = new double[] {0, 0.2, 0.5}[r.nextInt(3)];
        for (Schoolvakantie v : vakanties) {
            for (LocalDate dag : List.of(v.from().minusDays(1), v.to().plusDays(1), v.from().minusDays(3), v.to().plusDays(3))) {
                if (tot.contains(dag) && r.nextDouble() < pRand) {
                    int keuze = r.nextInt(6);
                    heleDag(registraties, rooster, dag, keuze == 0 ? Verdict.LEAVE : Verdict.UNEXCUSED);
                    if (keuze == 1) {
                        registraties.remove(lesId(dag, 1 + r.nextInt(rooster.lessen(dag))));
                    }
                }
            }
        }
        // continuous absence for weeks: whole days unexcused, the first sometimes only from a later lesson on, and
        // sometimes one lesson attended in between
        int blokken = r.nextInt(10) < 4 ? 1 + r.nextInt(2) : 0;
        for (int b = 0; b < blokken && !tot.isEmpty(); b++) {
            int begin = r.nextInt(tot.size());
            int lengteBlok = 5 + r.nextInt(40);
            for (int i = begin; i < Math.min(tot.size(), begin + lengteBlok); i++) {
                heleDag(registraties, rooster, tot.get(i), Verdict.UNEXCUSED);
            }
            if (r.nextBoolean()) {
                for (int uur = 1; uur <= 1 + r.nextInt(3); uur++) {
                    registraties.remove(lesId(tot.get(begin), uur));
                }
            }
            if (r.nextInt(3) == 0) {
                LocalDate dag = tot.get(Math.min(tot.size() - 1, begin + 1 + r.nextInt(lengteBlok)));
                registraties.remove(lesId(dag, 1 + r.nextInt(rooster.lessen(dag))));
            }
        }
        // sickness episodes of 1 to 12 lesdagen, whole days or from a later lesson on
        int episodes = new int[] {0, 2, 5, 9, 14}[r.nextInt(5)];
        for (int e = 0; e < episodes && !tot.isEmpty(); e++) {
            int begin = r.nextInt(tot.size());
            int lengteEpisode = r.nextInt(3) == 0 ? 6 + r.nextInt(7) : 1 + r.nextInt(3);
            for (int i = begin; i < Math.min(tot.size(), begin + lengteEpisode); i++) {
                LocalDate dag = tot.get(i);
                int vanaf = i == begin && r.nextBoolean() ? 1 + r.nextInt(rooster.lessen(dag)) : 1;
                for (int uur = vanaf; uur <= rooster.lessen(dag); uur++) {
                    registraties.put(lesId(dag, uur), new Registratie(dag, uur, Verdict.SICK, 0));
                }
            }
        }

        List<Absentie> absenties = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Registratie> e : registraties.entrySet()) {
            Registratie reg = e.getValue();
            Instant start = rooster.start(reg.dag(), reg.uur());
            Instant eind = rooster.eind(reg.dag(), reg.uur());
            absenties.add(new Absentie("g" + seed + "-" + (++n), e.getKey(), reg.dag(), start.plusSeconds(60L * reg.minutenTeLaat()),
                    eind, start, eind, reg.verdict().name(), reg.verdict()));
        }
        String beschrijving = "seed %d: %s %d-%d, today %s, born %s, %s, lessons %s, eigen %s".formatted(seed, regio, jaar,
                jaar + 1, vandaag, geboren, eenheid, java.util.Arrays.toString(lengte), eigen);
        return new GegenereerdeLeerling(seed, beschrijving, leerling, regio, kalender, List.copyOf(vakanties),
                VerzuimBeleid.standaard(eenheid), List.copyOf(lessen), List.copyOf(absenties), vandaag);
    }

    /**
     * The school's own days off: a few study days, and sometimes a free week (Monday to Friday: a school week, so a
     * schoolvakantie) or a long weekend Thursday to Monday (three school days: not one), in weeks without a regional
     * holiday so they never replace one.
     */
    private static List<Schoolvakantie> eigenVrijeDagen(Random r, int jaar, List<Schoolvakantie> regionaal) {
        List<Schoolvakantie> eigen = new ArrayList<>();
        LocalDate eersteMaandag = LocalDate.of(jaar, 9, 7).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int studiedagen = r.nextInt(4);
        for (int i = 0; i < studiedagen; i++) {
            LocalDate dag = eersteMaandag.plusWeeks(r.nextInt(40)).plusDays(r.nextInt(5));
            if (vrijVanRegio(regionaal, dag, dag)) {
                eigen.add(new Schoolvakantie("Studiedag", dag, dag));
            }
        }
        if (r.nextInt(10) < 3) {
            LocalDate maandag = eersteMaandag.plusWeeks(r.nextInt(40));
            if (vrijVanRegio(regionaal, maandag.minusDays(3), maandag.plusDays(7))) {
                eigen.add(new Schoolvakantie("Projectweek vrij", maandag, maandag.plusDays(4)));
            }
        }
        if (r.nextInt(10) < 3) {
            LocalDate donderdag = eersteMaandag.plusWeeks(r.nextInt(40)).plusDays(3);
            if (vrijVanRegio(regionaal, donderdag.minusDays(4), donderdag.plusDays(8))) {
                eigen.add(new Schoolvakantie("Lang weekend", donderdag, donderdag.plusDays(4)));
            }
        }
        return eigen;
    }

    private static boolean vrijVanRegio(List<Schoolvakantie> regionaal, LocalDate van, LocalDate tot) {
        return regionaal.stream().noneMatch(v -> !v.from().isAfter(tot) && !v.to().isBefore(van));
    }

    private static void heleDag(Map<String, Registratie> registraties, Rooster rooster, LocalDate dag, Verdict verdict) {
        for (int uur = 1; uur <= rooster.lessen(dag); uur++) {
            registraties.put(lesId(dag, uur), new Registratie(dag, uur, verdict, 0));
        }
    }

    private static String lesId(LocalDate dag, int uur) {
        return dag + "#" + uur;
    }

    private record Registratie(LocalDate dag, int uur, Verdict verdict, int minutenTeLaat) {
    }

    /** Lessons from 08:30 Amsterdam time, one after another. */
    private record Rooster(int[] aantal, int[] lengte) {
        int lessen(LocalDate dag) {
            return aantal[dag.getDayOfWeek().getValue() - 1];
        }

        Instant start(LocalDate dag, int uur) {
            int minuten = 0;
            for (int i = 1; i < uur; i++) {
                minuten += lengte[i - 1];
            }
            return dag.atTime(8, 30).atZone(AMSTERDAM).toInstant().plusSeconds(60L * minuten);
        }

        Instant eind(LocalDate dag, int uur) {
            return start(dag, uur).plusSeconds(60L * lengte[uur - 1]);
        }
    }
}
