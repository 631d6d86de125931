package nl.lvssync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.lvssync.lvs.magister.MagisterEndpoints;
import nl.lvssync.simulator.LvsSimulator;
import nl.lvssync.simulator.SimulatedSchool;
import nl.lvssync.sync.SyncWindow;

/**
 * How fast the simulator serves on its own: the requests a full-year sync makes (aanmeldingen, then afspraken and
 * absenties per date chunk) for a sample of students, sent by a plain JDK HTTP client from several threads, the
 * bodies read to the end and dropped. Beside the service's own read rate it shows whether the simulator limits the sync.
 */
final class SimulatorRate {

    record Result(int students, long requests, long bytes, double seconds, int threads) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    private SimulatorRate() {
    }

    static Result measure(LvsSimulator simulator, String schoolId, int students, SyncWindow window, int chunkDays,
                          int threads, LocalDate today) throws Exception {
        SimulatedSchool school = simulator.school(schoolId).orElseThrow();
        MagisterEndpoints endpoints = simulator.magisterEndpoints(schoolId);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String token = token(http, endpoints);
        int n = Math.min(students, school.studentCount());
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long person = school.student(i, today).personId();
            uris.add(URI.create(endpoints.apiBaseUrl() + "/api/leerlingen/" + person + "/aanmeldingen?begin=1970-01-01"));
            for (SyncWindow chunk : window.chunks(chunkDays)) {
                String range = "?van=" + chunk.from() + "&tot=" + chunk.to().plusDays(1);
                uris.add(URI.create(endpoints.apiBaseUrl() + "/api/personen/" + person + "/afspraken" + range));
                uris.add(URI.create(endpoints.apiBaseUrl() + "/api/personen/" + person + "/absenties" + range));
            }
        }
        AtomicLong next = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    byte[] buffer = new byte[64 * 1024];
                    for (long i = next.getAndIncrement(); i < uris.size(); i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(uris.get((int) i)).GET()
                                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
                        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        try (InputStream in = response.body()) {
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("simulator answered " + response.statusCode() + " to " + request.uri());
                            }
                            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                                bytes.addAndGet(r);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(n, uris.size(), bytes.get(), (System.nanoTime() - t0) / 1e9, threads);
    }

    private static String token(HttpClient http, MagisterEndpoints endpoints) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + enc(endpoints.clientId()) + "&client_secret="
                + enc(endpoints.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).path("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
