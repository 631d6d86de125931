package nl.lvssync.simulator;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WireMock extension that answers as Somtoday would, under {@code /somtoday/{school}}: the token endpoint per
 * organisation ({@code /oauth2/token?organisation=}), the Connect vestigingen and students (amount at most 200, offset),
 * and the absentieredenen, absentiemeldingen and waarnemingen with {@code Range: items=a-b} paging. Meldingen come
 * without Content-Range (a short page ends them); waarnemingen with it, at most 75 a page, so a client that asks for
 * 100 must continue at the returned end + 1. Without {@code Accept: application/json} the answer is XML.
 */
final class SomtodaySimulator implements ResponseTransformerV2 {

    static final String PREFIX = "/somtoday/";
    private static final String JSON = "application/json;charset=UTF-8";
    private static final Pattern RANGE = Pattern.compile("items=(\\d+)-(\\d+)");
    private static final int WAARNEMINGEN_PAGE = 75;

    private record Answer(int status, String contentType, String body, String contentRange) {
        static Answer json(int status, String body) {
            return new Answer(status, JSON, body, null);
        }
    }

    private final Function<String, SimulatedSchool> schools;
    private final SomtodayResponses responses;
    private final SimulatedTokens tokens;
    private final long tokenLifetime;
    private final SimulatorTraffic traffic;

    SomtodaySimulator(Function<String, SimulatedSchool> schools, SomtodayResponses responses, SimulatedTokens tokens,
                      long tokenLifetime, SimulatorTraffic traffic) {
        this.traffic = traffic;
        this.schools = schools;
        this.responses = responses;
        this.tokens = tokens;
        this.tokenLifetime = tokenLifetime;
    }

    @Override
    public String getName() {
        return "lvs-simulator-somtoday";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Answer answer;
        try {
            answer = answer(serveEvent.getRequest());
        } catch (RuntimeException e) {
            answer = Answer.json(500, SomtodayJson.errors(500, "Internal Server Error", "Er is een fout opgetreden."));
        }
        List<HttpHeader> headers = new ArrayList<>(List.of(new HttpHeader("Content-Type", answer.contentType())));
        if (answer.contentRange() != null) {
            headers.add(new HttpHeader("Content-Range", answer.contentRange()));
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        return traffic.answered(Response.Builder.like(response).but().status(answer.status())
                .headers(new HttpHeaders(headers)).body(body)).build();
    }

    private Answer answer(Request request) {
        String path = URI.create(request.getUrl()).getRawPath();
        String[] parts = path.substring(PREFIX.length()).split("/", 2);
        SimulatedSchool school = schools.apply(parts[0]);
        String rest = parts.length > 1 ? "/" + parts[1] : "/";
        if (school == null) {
            return notFound(path);
        }
        if ("/oauth2/token".equals(rest)) {
            return token(request, school);
        }
        if (!RequestMethod.GET.equals(request.getMethod())) {
            return Answer.json(405, SomtodayJson.errors(405, "Method Not Allowed", request.getMethod() + " " + rest));
        }
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("application/json")) {
            return new Answer(200, "application/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error>"
                    + "Stuur Accept: application/json</error>", null);
        }
        String auth = request.getHeader("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.valid(auth.substring(7).strip(), school.id())) {
            return Answer.json(401, SomtodayJson.errors(401, "Unauthorized", "Geen geldig token voor deze organisatie"));
        }
        String vestigingen = "/rest/v1/connect/vestiging";
        if (vestigingen.equals(rest)) {
            return Answer.json(200, "{\"vestigingen\":[" + SomtodayJson.vestiging(school, "Demo " + school.id()) + "]}");
        }
        if (rest.equals(vestigingen + "/" + school.vestiging() + "/leerling")) {
            return leerlingen(request, school);
        }
        if (rest.startsWith(vestigingen + "/")) {
            return Answer.json(401, SomtodayJson.errors(401, "Unauthorized", "Geen toegang tot deze vestiging"));
        }
        return switch (rest) {
            case "/rest/v1/absentieredenen" -> range(request, responses.redenen(), 100, true);
            case "/rest/v1/absentiemeldingen" -> dated(request, "begindatumtijd", "einddatumtijd",
                    (from, to) -> range(request, responses.meldingen(school, from, to), 100, false));
            case "/rest/v1/waarnemingen" -> dated(request, "beginDatumTijd", "eindDatumTijd",
                    (from, to) -> range(request, responses.waarnemingen(school, from, to), WAARNEMINGEN_PAGE, true));
            default -> notFound(path);
        };
    }

    private Answer token(Request request, SimulatedSchool school) {
        if (!RequestMethod.POST.equals(request.getMethod())) {
            return Answer.json(405, "{\"error\":\"invalid_request\"}");
        }
        Map<String, String> form = MagisterSimulator.form(request.getBodyAsString());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return Answer.json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        if (!school.organisation().equals(query(request, "organisation"))) {
            return Answer.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"unknown organisation\"}");
        }
        if (!school.clientId().equals(form.get("client_id")) || !school.clientSecret().equals(form.get("client_secret"))) {
            return Answer.json(401, "{\"error\":\"invalid_client\"}");
        }
        return Answer.json(200, SomtodayJson.token(tokens.issue(school.id(), tokenLifetime), tokenLifetime));
    }

    private Answer leerlingen(Request request, SimulatedSchool school) {
        int amount;
        int offset;
        try {
            amount = Integer.parseInt(query(request, "amount"));
            offset = query(request, "offset") == null ? 0 : Integer.parseInt(query(request, "offset"));
        } catch (NumberFormatException e) {
            return Answer.json(400, SomtodayJson.errors(400, "Bad Request", "amount is verplicht"));
        }
        if (amount < 1 || amount > 200 || offset < 0) {
            return Answer.json(400, SomtodayJson.errors(400, "Bad Request", "amount moet tussen 1 en 200 liggen"));
        }
        return Answer.json(200, "{\"leerlingen\":[" + String.join(",", responses.leerlingen(school, offset, amount))
                + "],\"veldpermissies\":[]}");
    }

    private interface DatedList {
        Answer answer(LocalDate from, LocalDate to);
    }

    private static Answer dated(Request request, String fromParam, String toParam, DatedList list) {
        try {
            LocalDate from = LocalDate.parse(query(request, fromParam).substring(0, 10));
            LocalDate to = LocalDate.parse(query(request, toParam).substring(0, 10));
            return list.answer(from, to);
        } catch (NullPointerException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Answer.json(400, SomtodayJson.errors(400, "Bad Request", fromParam + " en " + toParam + " zijn verplicht"));
        }
    }

    /** One page of a list: the range asked, at most {@code max} items, with or without Content-Range. */
    private static Answer range(Request request, List<String> items, int max, boolean contentRange) {
        Matcher m = RANGE.matcher(String.valueOf(request.getHeader("Range")).replace(" ", ""));
        int from = 0;
        int to = max - 1;
        if (m.matches()) {
            from = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(m.group(1)));
            to = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(m.group(2)));
        }
        int end = Math.min(Math.min(to, from + max - 1), items.size() - 1);
        List<String> page = from > end ? List.of() : items.subList(from, end + 1);
        return new Answer(200, JSON, "{\"items\":[" + String.join(",", page) + "]}",
                contentRange && !page.isEmpty() ? "items " + from + "-" + end + "/" + items.size() : null);
    }

    private static Answer notFound(String path) {
        return Answer.json(404, SomtodayJson.errors(404, "Not Found", "Geen resource op " + path));
    }

    private static String query(Request request, String name) {
        QueryParameter p = request.queryParameter(name);
        return p == null || !p.isPresent() ? null : p.firstValue();
    }
}
