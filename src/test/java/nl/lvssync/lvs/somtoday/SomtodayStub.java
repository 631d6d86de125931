package nl.lvssync.lvs.somtoday;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A Somtoday organisation on WireMock with the exact shapes of shared/spec/lvs-apis.md: every REST object with its
 * {@code $type}, {@code links}, {@code permissions} and {@code additionalObjects}; the API only answers with
 * {@code Accept: application/json}. Each school lives under its own path prefix; its token server under
 * {prefix}-login.
 */
public final class SomtodayStub {

    private final WireMockServer server;
    private final String school;

    public SomtodayStub(WireMockServer server, String school) {
        this.server = server;
        this.school = school;
    }

    public String apiUrl() {
        return server.baseUrl() + "/" + school;
    }

    public String tokenUrl() {
        return server.baseUrl() + "/" + school + "-login/oauth2/token";
    }

    public String api(String path) {
        return "/" + school + path;
    }

    public SomtodayStub token(String organisation, String accessToken, int expiresIn) {
        server.stubFor(post(urlPathEqualTo("/" + school + "-login/oauth2/token"))
                .withQueryParam("organisation", equalTo(organisation))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson(token(accessToken, expiresIn))));
        return this;
    }

    public static String token(String accessToken, int expiresIn) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"openid\",\"id_token\":\"x.y.z\"}";
    }

    public SomtodayStub vestigingen(String... vestigingen) {
        server.stubFor(getJson("/rest/v1/connect/vestiging")
                .willReturn(okJson("{\"vestigingen\":[" + String.join(",", vestigingen) + "]}")));
        return this;
    }

    /** The Connect students of a vestiging, {@code amount} a page, then an empty page at the offset after the last. */
    public SomtodayStub students(String vestiging, int amount, List<String> leerlingen) {
        String path = "/rest/v1/connect/vestiging/" + vestiging + "/leerling";
        for (int offset = 0; ; offset = Math.min(offset + amount, leerlingen.size())) {
            List<String> page = leerlingen.subList(Math.min(offset, leerlingen.size()), Math.min(offset + amount, leerlingen.size()));
            server.stubFor(getJson(path).withQueryParam("amount", equalTo(String.valueOf(amount)))
                    .withQueryParam("offset", equalTo(String.valueOf(offset)))
                    .withQueryParam("peilschooljaar", equalTo("HUIDIG"))
                    .willReturn(okJson("{\"leerlingen\":[" + String.join(",", page) + "],\"veldpermissies\":[]}")));
            if (page.isEmpty()) {
                return this;
            }
        }
    }

    /**
     * A Range-paged list served as a real server might: each page as given (a server may send fewer than asked),
     * with {@code Content-Range: items a-b/N} when {@code contentRange}.
     *
     * @param pages per expected request range "a-b", the items answered
     */
    public SomtodayStub rangePages(String path, boolean contentRange, int total, List<RangePage> pages) {
        for (RangePage p : pages) {
            var response = aResponse().withStatus(206).withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody("{\"items\":[" + String.join(",", p.items()) + "]}");
            if (contentRange && !p.items().isEmpty()) {
                response.withHeader("Content-Range", "items " + p.from() + "-" + (p.from() + p.items().size() - 1) + "/" + total);
            }
            server.stubFor(getJson(path).withHeader("Range", equalTo("items=" + p.asked())).willReturn(response));
        }
        return this;
    }

    /** A whole list in pages of {@code size}, with Content-Range, as the spec's usual case. */
    public SomtodayStub range(String path, int size, List<String> items) {
        List<RangePage> pages = new ArrayList<>();
        for (int from = 0; from < items.size() || from == 0; from += size) {
            pages.add(new RangePage(from + "-" + (from + size - 1), from,
                    items.subList(Math.min(from, items.size()), Math.min(from + size, items.size()))));
            if (from + size >= items.size()) {
                break;
            }
        }
        return rangePages(path, true, items.size(), pages);
    }

    public record RangePage(String asked, int from, List<String> items) {
    }

    public MappingBuilder getJson(String path) {
        return get(urlPathEqualTo(api(path))).withHeader("Accept", equalTo("application/json"));
    }

    public void stubFor(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    // ---- the REST objects, exactly as lvs-apis.md gives them ----

    public static String vestiging(String uuid, String naam) {
        return "{\"uuid\":\"" + uuid + "\",\"naam\":\"" + naam + "\",\"afkorting\":\"" + naam.substring(0, 3).toUpperCase()
                + "\",\"brins\":[\"02YM\"],\"externalidentifiers\":[]}";
    }

    /** A Connect leerling; null fields are left out as Somtoday does. */
    public static String leerling(String uuid, String nummer, String roepnaam, String voorvoegsel, String achternaam,
                           String geboortedatum, String bsn, String stamgroep) {
        StringBuilder s = new StringBuilder("{\"uuid\":\"" + uuid + "\",\"eckid\":\"https://ketenid.nl/201703/" + uuid + "\"");
        field(s, "leerlingnummer", nummer == null ? null : Integer.valueOf(nummer));
        field(s, "roepnaam", roepnaam);
        field(s, "voorvoegsel", voorvoegsel);
        field(s, "achternaam", achternaam);
        field(s, "geboortedatum", geboortedatum);
        field(s, "BSN", bsn);
        s.append(",\"isActief\":true");
        if (stamgroep != null) {
            s.append(",\"plaatsingen\":[{\"uuid\":\"pl-").append(uuid).append("\",\"schooljaar\":\"2026/2027\",")
                    .append("\"startdatum\":\"2026-08-17\",\"einddatum\":\"2027-07-31\",\"leerjaar\":3,")
                    .append("\"opleiding\":{\"uuid\":\"op-1\",\"naam\":\"HAVO 3\"},\"mentoren\":[{\"roepnaam\":\"Jan\",")
                    .append("\"achternaam\":\"Jansen\"}],\"stamgroep\":{\"uuid\":\"sg-").append(stamgroep)
                    .append("\",\"naam\":\"").append(stamgroep).append("\",\"omschrijving\":\"Klas ").append(stamgroep)
                    .append("\",\"leerjaar\":3,\"onderwijssoort\":\"HAVO\",\"mentoren\":[]}}]");
        }
        return s.append('}').toString();
    }

    public static String reden(String afkorting, String omschrijving, String soort, boolean geoorloofd) {
        return "{\"$type\":\"participatie.RAbsentieReden\",\"links\":[{\"id\":" + Math.abs(afkorting.hashCode())
                + ",\"rel\":\"self\",\"type\":\"participatie.RAbsentieReden\",\"href\":\"https://api.somtoday.nl/rest/v1/absentieredenen/"
                + Math.abs(afkorting.hashCode()) + "\"}],\"permissions\":[],\"additionalObjects\":{},\"afkorting\":\"" + afkorting
                + "\",\"omschrijving\":\"" + omschrijving + "\",\"absentieSoort\":\"" + soort + "\",\"geoorloofd\":" + geoorloofd
                + ",\"kiesbaarDoorVerzorger\":false,\"verzorgerMagTijdstipKiezen\":false,\"verzorgerEinddatumVerplicht\":false,"
                + "\"standaardAfgehandeld\":true,\"vestiging\":null}";
    }

    /** An RAbsentieMelding; {@code end} null leaves eindDatumTijd out (still open). */
    public static String melding(long id, String student, String begin, String end, Integer beginLesuur, Integer eindLesuur,
                          String afkorting, String soort, boolean geoorloofd) {
        StringBuilder s = new StringBuilder("{\"$type\":\"participatie.RAbsentieMelding\",\"links\":[{\"id\":" + id
                + ",\"rel\":\"self\",\"type\":\"participatie.RAbsentieMelding\",\"href\":\"https://api.somtoday.nl/rest/v1/waarnemingen/"
                + id + "\"}],\"permissions\":[{\"full\":\"participatie.RAbsentieMelding:READ:INSTANCE(" + id
                + ")\",\"type\":\"participatie.RAbsentieMelding\",\"operations\":[\"READ\"],\"instances\":[\"INSTANCE(" + id
                + ")\"]}],\"additionalObjects\":{},");
        s.append("\"leerling\":{\"links\":[{\"id\":4567,\"rel\":\"self\",\"type\":\"leerling.RLeerlingPrimer\",\"href\":\"…\"}],")
                .append("\"permissions\":[],\"additionalObjects\":{},\"UUID\":\"").append(student)
                .append("\",\"leerlingnummer\":100000,\"roepnaam\":\"X\",\"achternaam\":\"Y\"},");
        s.append("\"absentieReden\":{\"absentieSoort\":\"").append(soort).append("\",\"afkorting\":\"").append(afkorting)
                .append("\",\"omschrijving\":\"").append(afkorting).append("\",\"geoorloofd\":").append(geoorloofd).append("},");
        s.append("\"datumTijdInvoer\":\"").append(begin).append("\",\"beginDatumTijd\":\"").append(begin).append('"');
        if (end != null) {
            s.append(",\"eindDatumTijd\":\"").append(end).append('"');
        }
        field(s, "beginLesuur", beginLesuur);
        field(s, "eindLesuur", eindLesuur);
        return s.append(",\"afgehandeld\":true,\"eigenaar\":{\"$type\":\"medewerker.RMedewerker\",\"links\":[],")
                .append("\"permissions\":[],\"additionalObjects\":{},\"achternaam\":\"Docent\"},\"opmerkingen\":\"\"}").toString();
    }

    /** An RWaarneming of one student's lesson (afspraakType LES). */
    public static String waarneming(long id, long afspraak, String student, String begin, String end, int lesuur, String soort) {
        return "{\"$type\":\"participatie.RWaarneming\",\"links\":[{\"id\":" + id + ",\"rel\":\"self\",\"type\":\"participatie.RWaarneming\","
                + "\"href\":\"https://api.somtoday.nl/rest/v1/waarnemingen/" + id + "\"}],\"permissions\":[],\"additionalObjects\":{},"
                + "\"beginDatumTijd\":\"" + begin + "\",\"eindDatumTijd\":\"" + end + "\",\"beginLesuur\":" + lesuur
                + ",\"eindLesuur\":" + lesuur + ",\"waarnemingSoort\":\"" + soort + "\",\"leerling\":{\"links\":[],\"UUID\":\""
                + student + "\",\"leerlingnummer\":100000,\"roepnaam\":\"X\",\"voorvoegsel\":\"\",\"achternaam\":\"Y\"},"
                + "\"afspraak\":{\"$type\":\"rooster.RAfspraakPrimer\",\"links\":[{\"id\":" + afspraak + ",\"rel\":\"self\","
                + "\"type\":\"rooster.RAfspraakPrimer\",\"href\":\"…\"}],\"permissions\":[],\"additionalObjects\":{},"
                + "\"afspraakType\":{\"naam\":\"LES\",\"categorie\":\"Rooster\",\"activiteit\":\"Verplicht\","
                + "\"presentieRegistratieDefault\":true},\"locatie\":\"101\",\"titel\":\"en - ABC - 3a\"},"
                + "\"afgehandeld\":false,\"invoerDatum\":\"" + begin + "\",\"herkomst\":\"Docent\","
                + "\"ingevoerdDoor\":{\"links\":[]},\"laatstGewijzigdDoor\":{\"links\":[]},\"laatstGewijzigdDatum\":\"" + begin
                + "\",\"opmerkingen\":\"\"}";
    }

    public static String errors(String code, String problem, String clarification) {
        return "{\"errors\":[{\"code\":\"" + code + "\",\"problem\":\"" + problem + "\",\"clarification\":\"" + clarification + "\"}]}";
    }

    private static void field(StringBuilder s, String name, Object value) {
        if (value == null) {
            return;
        }
        s.append(",\"").append(name).append("\":");
        if (value instanceof String str) {
            s.append('"').append(str).append('"');
        } else {
            s.append(value);
        }
    }
}
