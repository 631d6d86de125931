package nl.lvssync.lvs.magister;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * A Magister school on WireMock, with the exact field names of shared/spec/lvs-apis.md. Each school lives
 * under its own path prefix so tests do not share stubs.
 */
public final class MagisterStub {

    public static final String CSV_HEADER = "id;stamnr;roepnaam;tussenv;achternaam;geb_datum;klas;studie;locatie;email;bsn";

    private final WireMockServer server;
    private final String school;

    public MagisterStub(WireMockServer server, String school) {
        this.server = server;
        this.school = school;
    }

    public String prefix() {
        return "/" + school;
    }

    public String baseUrl() {
        return server.baseUrl() + prefix();
    }

    public MagisterStub token(int expiresIn) {
        server.stubFor(post(urlPathEqualTo(prefix() + "/connect/token")).willReturn(okJson(
                "{\"access_token\":\"tok-" + school + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                        + ",\"scope\":\"api\"}")));
        return this;
    }

    public MagisterStub students(String... rows) {
        server.stubFor(get(urlPathEqualTo(prefix() + "/doc")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv; charset=utf-8")
                .withBody(CSV_HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n")));
        return this;
    }

    public MagisterStub aanmeldingen(String id, String itemsJson) {
        server.stubFor(get(urlPathEqualTo(prefix() + "/api/leerlingen/" + id + "/aanmeldingen"))
                .willReturn(okJson("{\"items\":[" + itemsJson + "]}")));
        return this;
    }

    public MagisterStub afspraken(String id, String itemsJson) {
        return stub(get(urlPathEqualTo(prefix() + "/api/personen/" + id + "/afspraken")),
                okJson("{\"Items\":[" + itemsJson + "]}"));
    }

    public MagisterStub absenties(String id, String itemsJson) {
        return stub(get(urlPathEqualTo(prefix() + "/api/personen/" + id + "/absenties")),
                okJson("{\"Items\":[" + itemsJson + "],\"Links\":[]}"));
    }

    public StubMapping stubFor(MappingBuilder mapping) {
        return server.stubFor(mapping);
    }

    private MagisterStub stub(MappingBuilder mapping, ResponseDefinitionBuilder response) {
        server.stubFor(mapping.willReturn(response));
        return this;
    }

    public static String aanmelding(String id, String klas) {
        return "{\"id\":" + id + ",\"studie\":{\"id\":11,\"code\":\"3 havo\"},\"groep\":{\"id\":21,\"code\":\"" + klas
                + "\",\"omschrijving\":\"Klas " + klas + "\"},\"lesperiode\":{\"code\":\"2526\"},\"profielen\":[],"
                + "\"persoonlijkeMentor\":{\"naam\":\"J. Jansen\"},\"begin\":\"2026-08-01T00:00:00\",\"einde\":\"2027-07-31T00:00:00\","
                + "\"isHoofdAanmelding\":true,\"links\":[]}";
    }

    /** A lesson; start and end in UTC with seven fraction digits, as Magister sends them. */
    public static String afspraak(long id, String startUtc, String endUtc, int lesuur, int status) {
        return "{\"Id\":" + id + ",\"Start\":\"" + startUtc + "\",\"Einde\":\"" + endUtc + "\",\"LesuurVan\":" + lesuur
                + ",\"LesuurTotMet\":" + lesuur + ",\"DuurtHeleDag\":false,\"Omschrijving\":\"en - ABC - 3a\","
                + "\"Lokatie\":\"101\",\"Status\":" + status + ",\"Type\":13,\"Vakken\":[{\"Id\":1,\"Naam\":\"Engels\"}],"
                + "\"Docenten\":[{\"Id\":2,\"Naam\":\"A. de Vries\",\"Docentcode\":\"ABC\"}],\"Lokalen\":[{\"Naam\":\"101\"}],"
                + "\"Groepen\":null}";
    }

    public static String absentie(long id, String startUtc, String endUtc, int lesuur, boolean geoorloofd, long afspraakId,
                                  int verantwoordingtype, String code) {
        return "{\"Id\":" + id + ",\"Start\":\"" + startUtc + "\",\"Eind\":\"" + endUtc + "\",\"Lesuur\":" + lesuur
                + ",\"Geoorloofd\":" + geoorloofd + ",\"AfspraakId\":" + afspraakId + ",\"Omschrijving\":\"Absent\","
                + "\"Verantwoordingtype\":" + verantwoordingtype + ",\"Code\":\"" + code + "\",\"Afspraak\":"
                + afspraak(afspraakId, startUtc, endUtc, lesuur, 1) + "}";
    }

    /** The aanmeldingen as live schools answer them: PascalCase {"Items":[…]}. */
    public MagisterStub aanmeldingenLive(String id, String itemsJson) {
        server.stubFor(get(urlPathEqualTo(prefix() + "/api/leerlingen/" + id + "/aanmeldingen"))
                .willReturn(okJson("{\"Items\":[" + itemsJson + "]}")));
        return this;
    }

    /** The GetData answer as raw bytes: another encoding, other line ends, an error text. */
    public MagisterStub studentListBytes(byte[] body, String contentType) {
        server.stubFor(get(urlPathEqualTo(prefix() + "/doc")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
        return this;
    }

    /**
     * A live aanmelding, exactly as lvs-apis.md shows it: Start/Einde the UTC instants of local midnight, Lesperiode
     * a plain string, Studie and Groep objects with Omschrijving, Profiel and Profiel2, plus fields we do not use.
     */
    public static String aanmeldingLive(long id, long leerlingId, String studie, String groep, String profiel) {
        return "{\"Id\":" + id + ",\"Links\":[{\"Rel\":\"Self\",\"Href\":\"/api/leerlingen/" + leerlingId
                + "/aanmeldingen/" + id + "\"}],\"LeerlingId\":" + leerlingId
                + ",\"Start\":\"2026-07-31T22:00:00.0000000Z\",\"Einde\":\"2027-07-30T22:00:00.0000000Z\",\"Lesperiode\":\"2627\","
                + "\"Studie\":{\"Id\":4021,\"Omschrijving\":\"" + studie + "\"},\"Groep\":{\"Id\":3120,\"Links\":[],"
                + "\"Omschrijving\":\"" + groep + "\",\"LocatieId\":2},\"Profiel\":" + (profiel == null ? "null" : "\"" + profiel + "\"")
                + ",\"Profiel2\":null,\"AanBronMelden\":true,\"Vakken\":[],\"Groepen\":null}";
    }

    /**
     * A live absence: Start and Eind both the UTC instant of local midnight of the day; the lesson (if any) only in
     * Afspraak, which may be left out ({@code afspraakJson} null) or carry "LesuurVan": null.
     */
    public static String absentieLive(long id, String midnightUtc, int lesuur, Boolean geoorloofd, long afspraakId,
                                      int verantwoordingtype, String code, String afspraakJson) {
        return "{\"Id\":" + id + ",\"Start\":\"" + midnightUtc + "\",\"Eind\":\"" + midnightUtc + "\",\"Lesuur\":" + lesuur
                + ",\"Geoorloofd\":" + geoorloofd + ",\"AfspraakId\":" + afspraakId + ",\"Omschrijving\":\"" + code
                + "\",\"Verantwoordingtype\":" + verantwoordingtype + ",\"Code\":\"" + code + "\",\"Opmerking\":null"
                + (afspraakJson == null ? "" : ",\"Afspraak\":" + afspraakJson) + "}";
    }

    /** A lesson whose LesuurVan and LesuurTotMet are null, with the Status given (7 is a normal lesson). */
    public static String afspraakZonderLesuur(long id, String startUtc, String endUtc, int status) {
        return afspraak(id, startUtc, endUtc, 0, status).replace("\"LesuurVan\":0,\"LesuurTotMet\":0",
                "\"LesuurVan\":null,\"LesuurTotMet\":null");
    }
}
