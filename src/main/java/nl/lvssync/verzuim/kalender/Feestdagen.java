package nl.lvssync.verzuim.kalender;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * National days off that are not holiday weeks (schoolvakanties.md): they make a lesdag a non-lesdag, never a
 * week a non-lesweek on their own.
 */
public final class Feestdagen {

    private Feestdagen() {
    }

    public static List<Schoolvakantie> inJaar(int jaar) {
        LocalDate pasen = paaszondag(jaar);
        List<Schoolvakantie> dagen = new ArrayList<>();
        dagen.add(dag("Goede Vrijdag", pasen.minusDays(2)));
        dagen.add(dag("Tweede Paasdag", pasen.plusDays(1)));
        LocalDate koningsdag = LocalDate.of(jaar, 4, 27);
        dagen.add(dag("Koningsdag", koningsdag.getDayOfWeek() == DayOfWeek.SUNDAY ? koningsdag.minusDays(1) : koningsdag));
        if (jaar % 5 == 0) {
            dagen.add(dag("Bevrijdingsdag", LocalDate.of(jaar, 5, 5)));
        }
        dagen.add(new Schoolvakantie("Hemelvaart", pasen.plusDays(39), pasen.plusDays(40)));
        dagen.add(dag("Tweede Pinksterdag", pasen.plusDays(50)));
        return dagen;
    }

    private static Schoolvakantie dag(String naam, LocalDate dag) {
        return new Schoolvakantie(naam, dag, dag);
    }

    /** Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" computation). */
    public static LocalDate paaszondag(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }
}
