package nl.lvssync.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One student's absences (verzuimpatroon) in one school year. Episodes that span days (sickness, truancy, a
 * thuiszitter's weeks) are laid out in lesdagen from the student's hash; everything else is decided per day
 * from the hash of that day. Building one costs a handful of numbers, so it is built per request.
 */
final class Verzuimpatroon {

    /** Days on which the student is absent: whole days, or (partial) a few lessons on most of those days. */
    private record Episode(int from, int to, Absentiecode code, boolean partial) {
    }

    private final long hash;
    private final int index;
    private final Verzuimprofiel profiel;
    private final Schooljaar jaar;
    private final List<Episode> episodes = new ArrayList<>();

    private Verzuimpatroon(SimulatedSchool school, GeneratedStudent student, Schooljaar jaar) {
        this.hash = Mix.hash(school.hash(), 0xAB5L, student.index());
        this.index = student.index();
        this.profiel = student.profiel();
        this.jaar = jaar;
        SplittableRandom r = new SplittableRandom(Mix.hash(hash, jaar.startYear()));
        int n = jaar.lesdagen();
        // granted leave and suspensions first: they win over anything else on their days
        if (r.nextDouble() < 0.05) {
            int d = r.nextInt(n);
            add(d, d, Absentiecode.VL, false);
        }
        if (r.nextDouble() < 0.02) {
            int d = Math.min(n - 1, 20 + r.nextInt(Math.max(1, n - 20)));
            add(d, d + r.nextInt(2), Absentiecode.SC, false);
        }
        switch (profiel) {
            case THUISZITTER -> {
                // five to seven weeks at home: past the four lesweken of LRV, one 16-hour melding a week meanwhile
                int start = 5 + r.nextInt(15);
                add(start, start + 25 + r.nextInt(11) - 1, Absentiecode.AB, false);
            }
            case SPIJBELAAR -> {
                // one truant spell that crosses 16 hours about once; a third of them have a second spell later on
                int first = 10 + r.nextInt(40);
                add(first, first + 6 + r.nextInt(5), Absentiecode.AB, true);
                if (r.nextDouble() < 0.35) {
                    int second = 100 + r.nextInt(50);
                    add(second, second + 6 + r.nextInt(5), Absentiecode.AB, true);
                }
            }
            case ZIEK -> {
                int count = 5 + r.nextInt(4);
                int longOne = r.nextBoolean() ? r.nextInt(count) : -1;
                int pos = 3 + r.nextInt(15);
                for (int i = 0; i < count; i++) {
                    int length = i == longOne ? 7 + r.nextInt(3) : 1 + r.nextInt(3);
                    add(pos, pos + length - 1, Absentiecode.ZK, false);
                    pos += length + 8 + r.nextInt(18);
                }
            }
            case LUXE -> {
                for (int d : jaar.voorVakantie()) {
                    double u = r.nextDouble();
                    if (u < 0.6) {
                        add(d, d, Absentiecode.AB, false);
                    } else if (u < 0.9) {
                        add(d, d, Absentiecode.VL, false);
                    }
                }
            }
            default -> {
                // the other profiles show in the day-by-day part below
            }
        }
    }

    static Verzuimpatroon of(SimulatedSchool school, GeneratedStudent student, Schooljaar jaar) {
        return new Verzuimpatroon(school, student, jaar);
    }

    private void add(int from, int to, Absentiecode code, boolean partial) {
        int last = jaar.lesdagen() - 1;
        if (from <= last) {
            episodes.add(new Episode(from, Math.min(to, last), code, partial));
        }
    }

    /** The absences on one day's lessons (all of one date) that started before {@code now}. */
    List<GeneratedAbsence> absences(List<SimulatedLesson> lessons, Instant now) {
        if (lessons.isEmpty() || !lessons.get(0).start().isBefore(now)) {
            return List.of();
        }
        LocalDate date = lessons.get(0).date();
        int lesdag = jaar.lesdag(date);
        if (lesdag < 0) {
            return List.of();
        }
        Absentiecode[] codes = codesOn(date, lesdag, lessons.size());
        List<GeneratedAbsence> result = new ArrayList<>();
        for (SimulatedLesson lesson : lessons) {
            Absentiecode code = codes[lesson.lesuur()];
            if (code != null && !lesson.cancelled() && lesson.start().isBefore(now)) {
                result.add(new GeneratedAbsence(GeneratedAbsence.idOf(lesson, index), lesson, code));
            }
        }
        return result;
    }

    /** Per period of the day (1-based) the code registered, or null; earlier rules win over later ones. */
    private Absentiecode[] codesOn(LocalDate date, int lesdag, int periods) {
        Absentiecode[] codes = new Absentiecode[periods + 1];
        long day = Mix.hash(hash, 0xDA7L, date.toEpochDay());
        for (Episode e : episodes) {
            if (lesdag < e.from() || lesdag > e.to()) {
                continue;
            }
            if (!e.partial()) {
                fill(codes, 1, periods, e.code());
            } else if (Mix.unit(Mix.hash(day, 1)) < 0.85) {
                int length = 2 + Mix.below(Mix.hash(day, 2), 3);
                int from = 1 + Mix.below(Mix.hash(day, 3), Math.max(1, periods - length + 1));
                fill(codes, from, from + length - 1, e.code());
            }
        }
        if (profiel == Verzuimprofiel.MAANDAG && date.getDayOfWeek() == DayOfWeek.MONDAY
                && Mix.unit(Mix.hash(day, 4)) < 0.8) {
            fill(codes, 1, 1 + Mix.below(Mix.hash(day, 5), 3), Absentiecode.AB);
        }
        double late = profiel == Verzuimprofiel.TE_LAAT ? 0.3 : 0.015;
        if (Mix.unit(Mix.hash(day, 6)) < late) {
            fill(codes, 1, 1, Mix.unit(Mix.hash(day, 7)) < 0.2 ? Absentiecode.TLG : Absentiecode.TL);
        }
        if (Mix.unit(Mix.hash(day, 8)) < 0.012) {
            int from = 1 + Mix.below(Mix.hash(day, 9), periods);
            fill(codes, from, from + Mix.below(Mix.hash(day, 10), 2), Absentiecode.GA);
        }
        double skip = profiel == Verzuimprofiel.SPIJBELAAR ? 0.03 : 0.01;
        if (Mix.unit(Mix.hash(day, 11)) < skip) {
            int lesuur = 1 + Mix.below(Mix.hash(day, 12), periods);
            fill(codes, lesuur, lesuur, Absentiecode.AB);
        }
        if (profiel != Verzuimprofiel.ZIEK && Mix.unit(Mix.hash(day, 13)) < 0.01) {
            fill(codes, 1, periods, Absentiecode.ZK);
        }
        return codes;
    }

    private static void fill(Absentiecode[] codes, int from, int to, Absentiecode code) {
        for (int i = Math.max(1, from); i <= Math.min(codes.length - 1, to); i++) {
            if (codes[i] == null) {
                codes[i] = code;
            }
        }
    }
}
