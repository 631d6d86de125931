package nl.lvssync.simulator;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import nl.lvssync.time.ClockConfig;

/**
 * Writes Somtoday's JSON shapes exactly as lvs-apis.md gives them: every REST object with {@code $type},
 * {@code links}, {@code permissions} and {@code additionalObjects}, timestamps with local offsets, and fields without
 * a value left out (as Somtoday leaves out null and unpermitted fields).
 */
final class SomtodayJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ClockConfig.AMSTERDAM);

    private SomtodayJson() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static StringBuilder head(StringBuilder out, String type, long id, String path) {
        return out.append("{\"$type\":\"").append(type).append("\",\"links\":[{\"id\":").append(id)
                .append(",\"rel\":\"self\",\"type\":\"").append(type).append("\",\"href\":\"https://api.somtoday.nl/rest/v1/")
                .append(path).append('/').append(id).append("\"}],\"permissions\":[{\"full\":\"").append(type)
                .append(":READ:INSTANCE(").append(id).append(")\",\"type\":\"").append(type)
                .append("\",\"operations\":[\"READ\"],\"instances\":[\"INSTANCE(").append(id).append(")\"]}],\"additionalObjects\":{}");
    }

    static String vestiging(SimulatedSchool school, String naam) {
        StringBuilder out = new StringBuilder("{\"uuid\":\"").append(school.vestiging()).append("\",\"naam\":");
        MagisterJson.string(out, naam).append(",\"afkorting\":\"").append(school.id(), 0, Math.min(4, school.id().length()))
                .append("\",\"brins\":[\"").append(school.id(), 0, Math.min(4, school.id().length()))
                .append("\"],\"externalidentifiers\":[]}");
        return out.toString();
    }

    /** A Connect leerling with this school year's plaatsing; BSN only for those who have one on file. */
    static String leerling(SimulatedSchool school, GeneratedStudent s, Schooljaar jaar) {
        StringBuilder out = new StringBuilder("{\"uuid\":\"").append(school.studentUuid(s.index()))
                .append("\",\"eckid\":\"https://ketenid.nl/201703/").append(Long.toHexString(Mix.hash(school.hash(), s.index())))
                .append("\",\"leerlingnummer\":").append(s.stamnr()).append(",\"roepnaam\":");
        MagisterJson.string(out, s.roepnaam());
        if (s.tussenvoegsel() != null && !s.tussenvoegsel().isBlank()) {
            MagisterJson.string(out.append(",\"voorvoegsel\":"), s.tussenvoegsel());
        }
        MagisterJson.string(out.append(",\"achternaam\":"), s.achternaam());
        out.append(",\"geboortedatum\":\"").append(s.geboortedatum()).append('"');
        // one in eight has no BSN on file (onderwijsnummer): Somtoday leaves the field out
        if (s.index() % 8 != 7) {
            out.append(",\"BSN\":\"").append(s.bsn()).append('"');
        }
        out.append(",\"isActief\":true,\"plaatsingen\":[{\"uuid\":\"").append(school.studentUuid(s.index()).substring(0, 24))
                .append(Long.toHexString(0x100000000000L | jaar.startYear())).append("\",\"schooljaar\":\"").append(jaar.startYear())
                .append('/').append(jaar.startYear() + 1).append("\",\"startdatum\":\"").append(jaar.start())
                .append("\",\"einddatum\":\"").append(jaar.end()).append("\",\"leerjaar\":").append(s.klas().leerjaar())
                .append(",\"opleiding\":{\"naam\":");
        MagisterJson.string(out, s.studie()).append("},\"stamgroep\":{\"uuid\":\"").append(school.vestiging(), 0, 24)
                .append(String.format("%012x", s.klas().index())).append("\",\"naam\":");
        MagisterJson.string(out, s.klasNaam()).append(",\"omschrijving\":");
        MagisterJson.string(out, "Klas " + s.klasNaam()).append(",\"leerjaar\":").append(s.klas().leerjaar())
                .append(",\"onderwijssoort\":");
        MagisterJson.string(out, s.klas().afdeling().name()).append("}}],\"veldpermissies\":null}");
        return out.toString();
    }

    static String reden(Absentiecode code) {
        StringBuilder out = head(new StringBuilder(), "participatie.RAbsentieReden", 500 + code.ordinal(), "absentieredenen");
        out.append(",\"afkorting\":\"").append(code.name()).append("\",\"omschrijving\":");
        MagisterJson.string(out, code.omschrijving).append(",\"absentieSoort\":\"")
                .append(code.verantwoordingtype == 2 ? "Telaat" : "Absent").append("\",\"geoorloofd\":").append(code.geoorloofd)
                .append(",\"kiesbaarDoorVerzorger\":").append(code == Absentiecode.ZK)
                .append(",\"verzorgerMagTijdstipKiezen\":false,\"verzorgerEinddatumVerplicht\":false,\"standaardAfgehandeld\":true}");
        return out.toString();
    }

    private static StringBuilder redenPrimer(StringBuilder out, Absentiecode code) {
        return MagisterJson.string(out.append("{\"absentieSoort\":\"").append(code.verantwoordingtype == 2 ? "Telaat" : "Absent")
                .append("\",\"afkorting\":\"").append(code.name()).append("\",\"omschrijving\":"), code.omschrijving)
                .append(",\"geoorloofd\":").append(code.geoorloofd).append('}');
    }

    private static StringBuilder leerlingPrimer(StringBuilder out, String uuid, GeneratedStudent s) {
        out.append("{\"links\":[{\"id\":").append(s.personId()).append(",\"rel\":\"self\",\"type\":\"leerling.RLeerlingPrimer\"}],")
                .append("\"permissions\":[],\"additionalObjects\":{},\"UUID\":\"").append(uuid).append("\",\"leerlingnummer\":")
                .append(s.stamnr()).append(",\"roepnaam\":");
        MagisterJson.string(out, s.roepnaam());
        if (s.tussenvoegsel() != null && !s.tussenvoegsel().isBlank()) {
            MagisterJson.string(out.append(",\"voorvoegsel\":"), s.tussenvoegsel());
        }
        return MagisterJson.string(out.append(",\"achternaam\":"), s.achternaam()).append('}');
    }

    static String melding(SomtodayResponses.GenMelding m, String uuid, GeneratedStudent s) {
        StringBuilder out = head(new StringBuilder(), "participatie.RAbsentieMelding", m.id(), "waarnemingen");
        leerlingPrimer(out.append(",\"leerling\":"), uuid, s);
        redenPrimer(out.append(",\"absentieReden\":"), m.code());
        out.append(",\"datumTijdInvoer\":\"").append(time(m.begin())).append("\",\"beginDatumTijd\":\"").append(time(m.begin()))
                .append('"');
        if (!m.open()) {
            out.append(",\"eindDatumTijd\":\"").append(time(m.end())).append('"');
        }
        out.append(",\"beginLesuur\":").append(m.beginLesuur());
        if (!m.open()) {
            out.append(",\"eindLesuur\":").append(m.eindLesuur());
        }
        return out.append(",\"afgehandeld\":").append(!m.open()).append('}').toString();
    }

    static String waarneming(long id, SimulatedLesson l, String uuid, GeneratedStudent s, boolean afwezig) {
        StringBuilder out = head(new StringBuilder(), "participatie.RWaarneming", id, "waarnemingen");
        out.append(",\"beginDatumTijd\":\"").append(time(l.start())).append("\",\"eindDatumTijd\":\"").append(time(l.end()))
                .append("\",\"beginLesuur\":").append(l.lesuur()).append(",\"eindLesuur\":").append(l.lesuur())
                .append(",\"waarnemingSoort\":\"").append(afwezig ? "Afwezig" : "Aanwezig").append("\",\"leerling\":");
        leerlingPrimer(out, uuid, s);
        out.append(",\"afspraak\":{\"$type\":\"rooster.RAfspraakPrimer\",\"links\":[{\"id\":").append(l.id())
                .append(",\"rel\":\"self\",\"type\":\"rooster.RAfspraakPrimer\"}],\"permissions\":[],\"additionalObjects\":{},")
                .append("\"afspraakType\":{\"naam\":\"LES\",\"categorie\":\"Rooster\",\"activiteit\":\"Verplicht\",")
                .append("\"presentieRegistratieDefault\":true},\"locatie\":");
        MagisterJson.string(out, l.lokaal()).append(",\"titel\":");
        MagisterJson.string(out, l.omschrijving()).append("},\"afgehandeld\":").append(!afwezig)
                .append(",\"invoerDatum\":\"").append(time(l.start())).append("\",\"herkomst\":\"Docent\"}");
        return out.toString();
    }

    static String errors(int code, String problem, String clarification) {
        StringBuilder out = new StringBuilder("{\"errors\":[{\"code\":\"").append(code).append("\",\"problem\":");
        MagisterJson.string(out, problem).append(",\"clarification\":");
        return MagisterJson.string(out, clarification).append("}]}").toString();
    }

    static String token(String accessToken, long expiresIn) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"openid\",\"somtoday_api_url\":\"https://api.somtoday.nl\"}";
    }
}
