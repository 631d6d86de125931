package nl.lvssync.school;

import java.util.Locale;
import java.util.Map;
import nl.lvssync.verzuim.Verdict;

/** The school's code table: an absence's reason code decides its verdict; the LVS's own verdict otherwise. */
public final class CodeTable {

    private final Map<String, Verdict> codes;

    public CodeTable(Map<String, Verdict> codes) {
        this.codes = codes.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                e -> e.getKey().strip().toUpperCase(Locale.ROOT), Map.Entry::getValue));
    }

    /**
     * @param verantwoordingtype Magister's kind of registration: 1 absent, 2 te laat, 3 ziek, 4 uit de les
     *                           gestuurd, 6 vrijstelling, 7 boek vergeten, 8 huiswerk vergeten
     * @param geoorloofd         the LVS's verdict; null when it gave none
     */
    public Verdict verdict(String code, Integer verantwoordingtype, Boolean geoorloofd) {
        if (code != null) {
            Verdict configured = codes.get(code.strip().toUpperCase(Locale.ROOT));
            if (configured != null) {
                return configured;
            }
        }
        boolean excused = Boolean.TRUE.equals(geoorloofd);
        int type = verantwoordingtype == null ? 1 : verantwoordingtype;
        return switch (type) {
            case 3 -> Verdict.SICK;
            case 2 -> excused ? Verdict.LATE_EXCUSED : Verdict.LATE;
            case 6, 7, 8 -> Verdict.NOT_ABSENCE;
            // absent, sent out of class, or a kind we do not know: the LVS verdict decides, and without one we
            // count it as unexcused, because an unknown verdict must never hide a legal alert
            default -> excused ? Verdict.EXCUSED : Verdict.UNEXCUSED;
        };
    }
}
