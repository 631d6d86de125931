package nl.lvssync.simulator;

import com.github.tomakehurst.wiremock.common.InputStreamSource;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The WireMock extension that answers every request as a Magister school would, from generated data:
 * {@code /magister/{school}/connect/token}, {@code …/doc?Function=GetData…}, and the /api calls for
 * aanmeldingen, afspraken and absenties. Faults are injected here, before authentication, as a gateway would.
 */
final class MagisterSimulator implements ResponseTransformerV2 {

    static final String PREFIX = "/magister/";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>Service Unavailable</title></head>"
            + "<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request."
            + " Please try again later.</p></body></html>";

    /** A response: status, content type and body. */
    private record Answer(int status, String contentType, InputStreamSource body) {
        static Answer json(int status, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Answer(status, JSON, () -> new ByteArrayInputStream(bytes));
        }
    }

    private final Function<String, SimulatedSchool> schools;
    private final MagisterResponses responses;
    private final SimulatedTokens tokens;
    private final FaultInjector faultInjector;
    private final SimulatorFaults faults;
    private final SimulatorTraffic traffic;

    MagisterSimulator(Function<String, SimulatedSchool> schools, MagisterResponses responses, SimulatedTokens tokens,
                      SimulatorFaults faults, SimulatorTraffic traffic) {
        this.schools = schools;
        this.traffic = traffic;
        this.responses = responses;
        this.tokens = tokens;
        this.faults = faults;
        this.faultInjector = new FaultInjector(faults);
    }

    @Override
    public String getName() {
        return "lvs-simulator-magister";
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
            answer = Answer.json(500, MagisterJson.message("An error has occurred."));
        }
        Response.Builder builder = Response.Builder.like(response).but()
                .status(answer.status())
                .headers(new HttpHeaders(new HttpHeader("Content-Type", answer.contentType())))
                .body(answer.body());
        return traffic.answered(builder).build();
    }

    private Answer answer(Request request) {
        String path = URI.create(request.getUrl()).getRawPath();
        if (!path.startsWith(PREFIX)) {
            return notFound(path);
        }
        String[] parts = path.substring(PREFIX.length()).split("/");
        SimulatedSchool school = schools.apply(parts[0]);
        if (school == null) {
            return notFound(path);
        }
        if (parts.length == 3 && "connect".equals(parts[1]) && "token".equals(parts[2])) {
            return token(request, school);
        }
        boolean doc = parts.length == 2 && "doc".equals(parts[1]);
        boolean api = parts.length == 5 && "api".equals(parts[1]);
        if (!doc && !api) {
            return notFound(path);
        }
        if (!RequestMethod.GET.equals(request.getMethod())) {
            return Answer.json(405, MagisterJson.message("The requested resource does not support http method '"
                    + request.getMethod() + "'."));
        }
        FaultInjector.Fault fault = faultInjector.next();
        if (fault != null) {
            return fault(fault);
        }
        if (doc) {
            return getData(request, school);
        }
        String auth = request.getHeader("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.valid(auth.substring(7).strip(), school.id())) {
            return Answer.json(401, MagisterJson.message("Authorization has been denied for this request."));
        }
        return api(request, school, parts[2], parts[3], parts[4], path);
    }

    private Answer fault(FaultInjector.Fault fault) {
        return switch (fault) {
            case RATE_LIMIT -> Answer.json(429, MagisterJson.rateLimit(faults.rateLimitSeconds()));
            case SERVER_ERROR -> Answer.json(500, MagisterJson.message("An error has occurred."));
            case UNAUTHORIZED -> Answer.json(401, MagisterJson.message("Authorization has been denied for this request."));
            case HTML_PAGE -> {
                byte[] page = HTML_PAGE.getBytes(StandardCharsets.UTF_8);
                yield new Answer(faults.htmlErrorStatus(), "text/html; charset=utf-8", () -> new ByteArrayInputStream(page));
            }
        };
    }

    /** OAuth2 client credentials, from the form or from HTTP Basic. */
    private Answer token(Request request, SimulatedSchool school) {
        if (!RequestMethod.POST.equals(request.getMethod())) {
            return Answer.json(405, "{\"error\":\"invalid_request\"}");
        }
        Map<String, String> form = form(request.getBodyAsString());
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        String basic = request.getHeader("Authorization");
        if (clientId == null && basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8)
                    .split(":", 2);
            clientId = pair[0];
            clientSecret = pair.length > 1 ? pair[1] : null;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return Answer.json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        if (!school.clientId().equals(clientId) || !school.clientSecret().equals(clientSecret)) {
            return Answer.json(401, "{\"error\":\"invalid_client\"}");
        }
        long lifetime = faults.tokenLifetimeSeconds();
        return Answer.json(200, MagisterJson.token(tokens.issue(school.id(), lifetime), lifetime));
    }

    /** Magister Webservices GetData: the student list as CSV, for the school's Webservices user. */
    private Answer getData(Request request, SimulatedSchool school) {
        if (!"GetData".equals(query(request, "Function")) || !"Data".equals(query(request, "Library"))
                || !"CSV".equalsIgnoreCase(query(request, "Type")) || query(request, "Layout") == null) {
            return Answer.json(400, "{\"foutcode\":\"400\",\"omschrijving\":\"Function=GetData, Library=Data, Layout and"
                    + " Type=CSV are required\"}");
        }
        String expected = school.webservicesUser() + ";" + school.webservicesPassword();
        if (!expected.equals(query(request, "SessionToken"))) {
            return Answer.json(401, "{\"foutcode\":\"401\",\"omschrijving\":\"Ongeldige SessionToken\"}");
        }
        return new Answer(200, responses.studentListContentType(), responses.studentList(school));
    }

    private Answer api(Request request, SimulatedSchool school, String collection, String id, String what, String path) {
        int index;
        try {
            index = school.indexOf(Long.parseLong(id));
        } catch (NumberFormatException e) {
            index = -1;
        }
        boolean known = "leerlingen".equals(collection) && "aanmeldingen".equals(what)
                || "personen".equals(collection) && ("afspraken".equals(what) || "absenties".equals(what));
        if (!known) {
            return notFound(path);
        }
        if (index < 0) {
            return Answer.json(404, MagisterJson.message("Persoon " + id + " niet gevonden."));
        }
        if ("aanmeldingen".equals(what)) {
            return new Answer(200, JSON, responses.aanmeldingen(school, index));
        }
        LocalDate van;
        LocalDate tot;
        try {
            van = LocalDate.parse(query(request, "van"));
            tot = LocalDate.parse(query(request, "tot"));
        } catch (NullPointerException | DateTimeParseException e) {
            return Answer.json(400, MagisterJson.message("van and tot are required dates (yyyy-MM-dd)."));
        }
        if (tot.isBefore(van)) {
            return Answer.json(400, MagisterJson.message("tot lies before van."));
        }
        return new Answer(200, JSON, "afspraken".equals(what)
                ? responses.afspraken(school, index, van, tot)
                : responses.absenties(school, index, van, tot));
    }

    private static Answer notFound(String path) {
        return Answer.json(404, MagisterJson.message("No HTTP resource was found that matches the request URI '"
                + path + "'."));
    }

    private static String query(Request request, String name) {
        QueryParameter p = request.queryParameter(name);
        return p == null || !p.isPresent() ? null : p.firstValue();
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(key, value);
        }
        return form;
    }
}
