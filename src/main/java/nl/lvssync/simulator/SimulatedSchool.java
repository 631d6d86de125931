package nl.lvssync.simulator;

import java.time.LocalDate;
import java.time.Month;
import java.util.HexFormat;
import java.util.Locale;
import nl.lvssync.verzuim.kalender.Regio;

/**
 * One school in the simulator: its id, region and size, and the credentials it accepts. Holds nothing per
 * student: every student is generated from (seed, school, index) when asked for.
 */
public final class SimulatedSchool {

    /** the Id numbers of person ids and absence Ids leave room for this many students */
    public static final int MAX_STUDENTS = 99_999;
    static final int DOCENTEN = 40;

    private final String id;
    private final Regio regio;
    private final int students;
    private final long hash;
    private final long personIdBase;
    private final int classes;
    private final Docent[] docenten = new Docent[DOCENTEN];

    private final Verzuimmix mix;

    SimulatedSchool(long seed, String id, Regio regio, int students) {
        this(seed, id, regio, students, Verzuimmix.REALISTISCH);
    }

    SimulatedSchool(long seed, String id, Regio regio, int students, Verzuimmix mix) {
        if (students < 1 || students > MAX_STUDENTS) {
            throw new IllegalArgumentException("a simulated school has 1 to " + MAX_STUDENTS + " students, not " + students);
        }
        this.id = id;
        this.regio = regio;
        this.students = students;
        this.mix = mix == null ? Verzuimmix.REALISTISCH : mix;
        this.hash = Mix.hash(seed, Mix.of(id));
        // person ids differ per school, so mixing up two schools' records shows
        this.personIdBase = 100_000L * (1 + Mix.below(Mix.hash(hash, 0x1DL), 89));
        this.classes = Klas.count(students);
        for (int i = 0; i < DOCENTEN; i++) {
            docenten[i] = Docent.of(hash, i);
        }
    }

    public String id() {
        return id;
    }

    public Regio regio() {
        return regio;
    }

    public int studentCount() {
        return students;
    }

    long hash() {
        return hash;
    }

    Docent docent(int n) {
        return docenten[n];
    }

    /** OAuth2 client id and secret, and the Webservices user and password this school accepts. */
    String clientId() {
        return "lvs-sync";
    }

    String clientSecret() {
        return secret("client");
    }

    String webservicesUser() {
        return "lvssync";
    }

    String webservicesPassword() {
        return secret("ws");
    }

    private String secret(String what) {
        return "sim-" + HexFormat.of().toHexDigits(Mix.hash(hash, Mix.of(what)));
    }

    /** Somtoday's instelling (organisation) UUID of this school. */
    public String organisation() {
        return uuid(0x0126L, 0);
    }

    /** Somtoday's vestiging (branch) UUID of this school. */
    public String vestiging() {
        return uuid(0x7E57L, 0);
    }

    /** A student's Somtoday uuid (the Connect uuid, leerling.UUID in meldingen and waarnemingen). */
    public String studentUuid(int index) {
        return uuid(0x5707L, index);
    }

    private String uuid(long what, long n) {
        long msb = Mix.hash(hash, what, n, 1);
        long lsb = Mix.hash(hash, what, n, 2);
        return new java.util.UUID((msb & ~0xF000L) | 0x4000L, (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** The student index behind a person id, or -1 when no student of this school has that id. */
    int indexOf(long personId) {
        long index = personId - personIdBase;
        return index >= 0 && index < students ? (int) index : -1;
    }

    /** The student with this index, in the school year that contains {@code today}. */
    public GeneratedStudent student(int index, LocalDate today) {
        if (index < 0 || index >= students) {
            throw new IndexOutOfBoundsException("school " + id + " has no student " + index);
        }
        long h = Mix.hash(hash, 0x57DL, index);
        Klas klas = Klas.of(index % classes);
        String roepnaam = Namen.roepnaam(Mix.hash(h, 1));
        String[] achternaam = Namen.achternaam(Mix.hash(h, 2));
        String stamnr = String.valueOf(100_000 + index);
        return new GeneratedStudent(index, personIdBase + index, stamnr, roepnaam, achternaam[0], achternaam[1],
                geboortedatum(h, klas, Schooljaar.of(regio, today).startYear()), klas,
                stamnr + "@leerling." + id.toLowerCase(Locale.ROOT) + ".example", bsn(Mix.hash(h, 3)),
                mix.profiel(hash, index));
    }

    /**
     * Born between October and September as Dutch school cohorts are, so a 1st-year is 12 in the autumn; one
     * in ten is a year older (stayed down once). Years 4 and 6 turn 16 and 18 during the school year.
     */
    private static LocalDate geboortedatum(long h, Klas klas, int schoolYearStart) {
        int older = Mix.unit(Mix.hash(h, 4)) < 0.1 ? 1 : 0;
        LocalDate cohortStart = LocalDate.of(schoolYearStart - 12 - klas.leerjaar() - older, Month.OCTOBER, 1);
        return cohortStart.plusDays(Mix.below(Mix.hash(h, 5), 365));
    }

    /** A nine-digit number that passes the elfproef (BSN check), so validators accept it. */
    private static String bsn(long h) {
        for (int attempt = 0; ; attempt++) {
            long r = Mix.hash(h, attempt);
            int[] d = new int[9];
            d[0] = 1 + Mix.below(r, 6);
            int sum = 9 * d[0];
            for (int i = 1; i < 8; i++) {
                r = Mix.mix(r);
                d[i] = Mix.below(r, 10);
                sum += (9 - i) * d[i];
            }
            int check = sum % 11;
            if (check < 10) {
                d[8] = check;
                StringBuilder s = new StringBuilder(9);
                for (int digit : d) {
                    s.append(digit);
                }
                return s.toString();
            }
        }
    }
}
