package nl.lvssync.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.lvssync.LvsSyncApplication;
import nl.lvssync.alert.AlertEvaluation;
import nl.lvssync.simulator.LvsSimulator;
import nl.lvssync.sync.SyncProperties;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import nl.lvssync.sync.SyncWindow;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The scale benchmark (issue 10), run by {@code bench/run}: the service against the built-in simulated LVS (Magister
 * shapes) on a fresh PostgreSQL database. Phases: a full first sync of the school year, the rules over every student, a
 * nightly sync with nothing changed, a nightly sync one school day later, and (by default) a nightly sync with 50 ms
 * latency on every LVS answer; after them the COPY reference of the rows the first sync wrote (last, so its loads never
 * leave a phase with cold caches) and the simulator's own serving rate. Prints the figures as Markdown, also kept in
 * {@code target/bench/}.
 */
public final class SyncBenchmark {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    record Options(int students, int schools, long latencyMs, long nightlyLatencyMs, long seed, boolean keep,
                   Integer parallelSchools, Integer maxConcurrentRequests, Double maxRequestsPerSecond, Integer chunkDays,
                   LocalDate day, int serveStudents, boolean copy, String reuse, boolean coordinators, boolean rulesOnly) {

        static Options parse(String[] args) {
            int students = 20_000;
            int schools = 10;
            long latency = 0;
            long nightlyLatency = 50;
            long seed = 20261122;
            boolean keep = false;
            Integer parallel = null;
            Integer concurrent = null;
            Double rate = null;
            Integer chunk = null;
            LocalDate day = LocalDate.of(2026, 7, 2);
            int serve = 400;
            boolean copy = true;
            String reuse = null;
            boolean coordinators = false;
            boolean rulesOnly = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--students" -> students = Integer.parseInt(value(args, ++i, a));
                    case "--schools" -> schools = Integer.parseInt(value(args, ++i, a));
                    case "--latency-ms" -> latency = Long.parseLong(value(args, ++i, a));
                    case "--nightly-latency-ms" -> nightlyLatency = Long.parseLong(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--keep" -> keep = true;
                    case "--parallel-schools" -> parallel = Integer.parseInt(value(args, ++i, a));
                    case "--max-concurrent-requests" -> concurrent = Integer.parseInt(value(args, ++i, a));
                    case "--max-requests-per-second" -> rate = Double.parseDouble(value(args, ++i, a));
                    case "--chunk-days" -> chunk = Integer.parseInt(value(args, ++i, a));
                    case "--day" -> day = LocalDate.parse(value(args, ++i, a));
                    case "--serve-students" -> serve = Integer.parseInt(value(args, ++i, a));
                    case "--no-copy" -> copy = false;
                    case "--reuse" -> reuse = value(args, ++i, a);
                    case "--coordinators" -> coordinators = true;
                    case "--rules-only" -> rulesOnly = true;
                    case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                }
            }
            if (students < schools || schools < 1) {
                throw new IllegalArgumentException("need at least one school and one student per school");
            }
            if (reuse != null && !reuse.matches("lvs_sync_bench_\\w+")) {
                throw new IllegalArgumentException("--reuse takes a database a run with --keep left, lvs_sync_bench_...");
            }
            return new Options(students, schools, latency, nightlyLatency, seed, keep, parallel, concurrent, rate, chunk, day,
                    serve, copy, reuse, coordinators, rulesOnly);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            return args[i];
        }
    }

    static final String USAGE = """
            usage: bench/run [--students N] [--schools N] [--latency-ms N] [--nightly-latency-ms N] [--seed N] [--keep]
                             [--parallel-schools N] [--max-concurrent-requests N] [--max-requests-per-second R]
                             [--chunk-days N] [--day YYYY-MM-DD] [--serve-students N] [--no-copy] [--reuse DATABASE]
                             [--coordinators] [--rules-only]
              defaults: 20000 students in 10 schools, no latency (the last nightly sync at 50 ms), seed 20261122,
              first sync on 2026-07-02 (the school year up to the summer holiday of region noord), the service's own
              parallel-schools, max-concurrent-requests, max-requests-per-second and chunk-days
              --reuse DATABASE: against a database an earlier run kept (--keep, same --students, --schools and --seed),
              its alerts removed first, only the rules over every student (twice: in a new JVM, then again) and a
              nightly sync with nothing changed:
              for profiling those two, not for the figures of docs/benchmarks.md
              --coordinators: each school has a coordinator to mail, so every alert also writes its outbox row
              (delivery stays off); without it the schools have none and no notification is prepared
              --rules-only: with --reuse, the rules twice and no nightly sync""";

    /** One school's run inside a phase. */
    record SchoolRun(SyncRun run, double syncSeconds, double announceSeconds) {
    }

    /** One phase's figures. */
    record Phase(String name, double seconds, List<SchoolRun> runs, long requests, long peakHeap, long liveHeap, long latencyMs) {
        long sum(java.util.function.ToLongFunction<SyncRun.Counts> f) {
            return runs.stream().mapToLong(r -> f.applyAsLong(r.run().counts())).sum();
        }

        long recordsRead() {
            return sum(SyncRun.Counts::students) + sum(SyncRun.Counts::lessons) + sum(SyncRun.Counts::absences);
        }

        double announceSeconds() {
            return runs.stream().mapToDouble(SchoolRun::announceSeconds).sum();
        }

        /** A school's requests a second while it synced, averaged over the schools. */
        double requestsPerSchoolPerSecond() {
            double schoolSeconds = runs.stream().mapToDouble(SchoolRun::syncSeconds).sum();
            return schoolSeconds == 0 ? 0 : requests / schoolSeconds;
        }
    }

    private final Options options;
    private final PrintStream out;
    private final StringBuilder report = new StringBuilder();

    private SyncBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SyncBenchmark benchmark = new SyncBenchmark(options, System.out);
        if (options.reuse() != null) {
            benchmark.rerun(String.join(" ", args));
        } else {
            benchmark.run(String.join(" ", args));
        }
        System.exit(0);
    }

    private void run(String commandLine) throws Exception {
        BenchDatabase db = BenchDatabase.create();
        Thread dropOnInterrupt = new Thread(() -> {
            if (!options.keep()) {
                db.drop();
            }
        }, "drop-benchmark-database");
        Runtime.getRuntime().addShutdownHook(dropOnInterrupt);
        ConfigurableApplicationContext context = null;
        try {
            BenchClock clock = new BenchClock(options.day().atTime(LocalTime.of(1, 0)).atZone(AMSTERDAM).toInstant(), AMSTERDAM);
            line("# LVS Sync benchmark, " + LocalDateTime.now().withNano(0));
            line("");
            line("Command: `bench/run " + commandLine + "`");
            machine(db);
            long t0 = System.nanoTime();
            context = start(db, clock);
            line("Service started in %.1f s (Flyway on the empty database included)", seconds(t0));
            SyncService sync = context.getBean(SyncService.class);
            AlertEvaluation rules = context.getBean(AlertEvaluation.class);
            LvsSimulator simulator = context.getBean(LvsSimulator.class);
            SyncProperties settings = context.getBean(SyncProperties.class);
            List<String> schools = schoolIds();
            int parallel = settings.parallelSchools();
            line("Schools in parallel: %d; per school at most %d concurrent LVS requests%s; date chunks of %d days",
                    parallel, options.maxConcurrentRequests() != null ? options.maxConcurrentRequests()
                            : settings.maxConcurrentRequests(), rateText(settings), settings.chunkDays());
            simulator.latency(Duration.ofMillis(options.latencyMs()));

            List<Phase> phases = new ArrayList<>();
            Phase first = syncs("first sync (school year)", sync, schools, parallel, false, simulator);
            phases.add(first);
            Instant firstSyncDone = clock.instant();
            Phase evaluation = rulesPhase(rules, schools, parallel);
            phases.add(evaluation);
            // a full re-evaluation once the JIT knows the rules and the alerts exist (after a change of the code table)
            phases.add(rulesPhase(rules, schools, parallel, RULES_AGAIN));
            phases.add(syncs("nightly, nothing changed", sync, schools, parallel, true, simulator));
            clock.advance(Duration.between(options.day().atStartOfDay(), nextSchoolDay(options.day()).atStartOfDay()));
            phases.add(syncs("nightly, one school day later", sync, schools, parallel, true, simulator));
            if (options.nightlyLatencyMs() > 0 && options.nightlyLatencyMs() != options.latencyMs()) {
                simulator.latency(Duration.ofMillis(options.nightlyLatencyMs()));
                phases.add(syncs("nightly, " + options.nightlyLatencyMs() + " ms LVS latency", sync, schools, parallel, true,
                        simulator));
                simulator.latency(Duration.ofMillis(options.latencyMs()));
            }
            CopyReference.Result copy = null;
            if (options.copy()) {
                // last, so its loads leave no phase with cold caches and a busy disk (CopyReference)
                out.println("... COPY reference of the rows the first sync wrote");
                copy = CopyReference.measure(db, firstSyncDone);
            }
            out.println("... the simulator's own serving rate");
            SyncWindow year = first.runs().get(0).run().windowFrom() == null ? null
                    : new SyncWindow(first.runs().get(0).run().windowFrom(), first.runs().get(0).run().windowTo(), true);
            int threads = parallel * (options.maxConcurrentRequests() != null ? options.maxConcurrentRequests()
                    : settings.maxConcurrentRequests());
            SimulatorRate.Result served = year == null ? null : SimulatorRate.measure(simulator, schools.get(0),
                    options.serveStudents(), year, settings.chunkDays(), threads, LocalDate.now(clock));
            print(phases, copy, served, db);
        } finally {
            if (context != null) {
                context.close();
            }
            if (options.keep()) {
                out.println("Database kept: " + db.url());
            } else {
                db.drop();
            }
            Runtime.getRuntime().removeShutdownHook(dropOnInterrupt);
            save();
        }
    }

    /** The rules and a quiet night again on a kept database, as often as a profile needs. */
    private void rerun(String commandLine) throws Exception {
        BenchDatabase db = BenchDatabase.existing(options.reuse());
        clearAlerts(db);
        line("# LVS Sync benchmark, rerun on %s, %s", db.name(), LocalDateTime.now().withNano(0));
        line("");
        line("Command: `bench/run " + commandLine + "`");
        machine(db);
        BenchClock clock = new BenchClock(options.day().atTime(LocalTime.of(1, 0)).atZone(AMSTERDAM).toInstant(), AMSTERDAM);
        try (ConfigurableApplicationContext context = start(db, clock)) {
            SyncService sync = context.getBean(SyncService.class);
            int parallel = context.getBean(SyncProperties.class).parallelSchools();
            for (String jvm : List.of("a new JVM", "the same JVM again, its alerts removed first")) {
                Phase rules = rulesPhase(context.getBean(AlertEvaluation.class), schoolIds(), parallel);
                line("- %s (%s): %.1f s, %,d students, %,d alerts raised, live heap after GC %s", rules.name(), jvm,
                        rules.seconds(), rulesStudents, rulesRaised, mib(rules.liveHeap()));
                clearAlerts(db);
            }
            if (options.rulesOnly()) {
                return;
            }
            Phase night = syncs("nightly, nothing changed", sync, schoolIds(), parallel, true,
                    context.getBean(LvsSimulator.class));
            line("- %s: %.1f s (rules after it %.1f s), %,d created, %,d updated, %,d deleted, %,d LVS requests, live heap"
                            + " after GC %s", night.name(), night.seconds(), night.announceSeconds(),
                    night.sum(SyncRun.Counts::created), night.sum(SyncRun.Counts::updated), night.sum(SyncRun.Counts::deleted),
                    night.requests(), mib(night.liveHeap()));
        } finally {
            save();
        }
    }

    /** A database as the first sync leaves it: no alerts, and the rules not yet run with the schools' configuration. */
    private static void clearAlerts(BenchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            List<String> tables = List.of("alert_history", "alert_record", "notification_outbox", "alert");
            for (String table : tables) {
                s.execute("DELETE FROM " + table);
            }
            s.execute("UPDATE school SET config_hash = NULL");
            // autovacuum may be off: the rows just deleted must not slow the next run
            for (String table : tables) {
                s.execute("VACUUM ANALYZE " + table);
            }
        }
    }

    private ConfigurableApplicationContext start(BenchDatabase db, Clock clock) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + BenchDatabase.USER,
                "--spring.datasource.password=",
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                "--camel.springboot.main-run-controller=false",
                "--logging.level.root=WARN",
                "--logging.level.nl.lvssync.sync.SyncService=INFO",
                "--lvs-sync.sync.run-at-startup=false",
                "--lvs-sync.sync.schedules-enabled=false",
                "--lvs-sync.csv.watch=false",
                "--lvs-sync.csv.run-on-arrival=false",
                "--lvs-sync.opp.watch=false",
                "--lvs-sync.notifications.delivery-enabled=false",
                "--lvs-sync.notifications.digest-enabled=false",
                "--lvs-sync.simulator.enabled=true",
                "--lvs-sync.simulator.seed=" + options.seed(),
                "--lvs-sync.simulator.students-per-school=" + options.students() / options.schools()));
        if (options.parallelSchools() != null) {
            args.add("--lvs-sync.sync.parallel-schools=" + options.parallelSchools());
        }
        if (options.maxConcurrentRequests() != null) {
            args.add("--lvs-sync.sync.max-concurrent-requests=" + options.maxConcurrentRequests());
        }
        if (options.maxRequestsPerSecond() != null) {
            args.add("--lvs-sync.sync.max-requests-per-second=" + options.maxRequestsPerSecond());
        }
        if (options.chunkDays() != null) {
            args.add("--lvs-sync.sync.chunk-days=" + options.chunkDays());
        }
        List<String> ids = schoolIds();
        int remainder = options.students() % options.schools();
        for (int i = 0; i < ids.size(); i++) {
            String p = "--lvs-sync.schools[" + i + "].";
            args.add(p + "id=" + ids.get(i));
            args.add(p + "name=Benchmark school " + (i + 1));
            args.add(p + "lvs=simulator");
            args.add(p + "region=noord");
            if (options.coordinators()) {
                args.add(p + "coordinators[0].name=Verzuimcoördinator " + (i + 1));
                args.add(p + "coordinators[0].email=verzuim@" + ids.get(i).toLowerCase(Locale.ROOT) + ".example");
            }
            for (String code : List.of("AB=UNEXCUSED", "ZK=SICK", "TL=LATE", "TLG=LATE_EXCUSED", "GA=EXCUSED", "VL=LEAVE",
                    "SC=SUSPENDED")) {
                args.add(p + "codes." + code);
            }
            if (i < remainder) {
                args.add("--lvs-sync.simulator.school-students." + ids.get(i) + "=" + (options.students() / options.schools() + 1));
            }
        }
        SpringApplication app = new SpringApplication(LvsSyncApplication.class);
        app.addInitializers(ctx -> ((GenericApplicationContext) ctx).registerBean("benchmarkClock", Clock.class,
                () -> clock, bd -> bd.setPrimary(true)));
        return app.run(args.toArray(String[]::new));
    }

    private List<String> schoolIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= options.schools(); i++) {
            ids.add(String.format(Locale.ROOT, "BENCH%02d", i));
        }
        return ids;
    }

    private Phase syncs(String name, SyncService sync, List<String> schools, int parallel, boolean announce,
                        LvsSimulator simulator) throws Exception {
        out.println("... " + name);
        HeapPeak.reset();
        long served = simulator.requestsServed();
        long t0 = System.nanoTime();
        List<SchoolRun> runs = inParallel(parallel, schools.stream().<Callable<SchoolRun>>map(id -> () -> {
            long s = System.nanoTime();
            SyncRun run = sync.execute(sync.start(id, "BENCH").id());
            double syncSeconds = seconds(s);
            long a = System.nanoTime();
            if (announce) {
                // what follows every run in production: the rules over the students whose records changed
                sync.announce(run);
            }
            if (run.status() == SyncStatus.FAILED) {
                out.println("    " + id + " FAILED: " + run.error());
            }
            return new SchoolRun(run, syncSeconds, announce ? seconds(a) : 0);
        }).toList());
        return new Phase(name, seconds(t0), runs, simulator.requestsServed() - served, HeapPeak.bytes(), HeapPeak.liveBytes(),
                simulator.latency().toMillis());
    }

    static final String RULES = "rules over every student";
    static final String RULES_AGAIN = "rules over every student again, alerts in place (no target)";

    private Phase rulesPhase(AlertEvaluation rules, List<String> schools, int parallel) throws Exception {
        return rulesPhase(rules, schools, parallel, RULES);
    }

    /** The rules over every student of every school, schools in parallel as the sync runs them. */
    private Phase rulesPhase(AlertEvaluation rules, List<String> schools, int parallel, String name) throws Exception {
        out.println("... " + name);
        HeapPeak.reset();
        long t0 = System.nanoTime();
        List<AlertEvaluation.Result> results = inParallel(parallel, schools.stream()
                .<Callable<AlertEvaluation.Result>>map(id -> () -> rules.evaluate(id, true)).toList());
        double took = seconds(t0);
        int students = results.stream().mapToInt(AlertEvaluation.Result::students).sum();
        int raised = results.stream().mapToInt(AlertEvaluation.Result::raised).sum();
        rulesStudents = students;
        if (RULES.equals(name)) {
            rulesRaised = raised;
        }
        return new Phase(name, took, List.of(), 0, HeapPeak.bytes(), HeapPeak.liveBytes(), 0);
    }

    private int rulesStudents;
    private int rulesRaised;

    private static <T> List<T> inParallel(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void print(List<Phase> phases, CopyReference.Result copy, SimulatorRate.Result served, BenchDatabase db)
            throws Exception {
        Phase first = phases.get(0);
        line("");
        line("## Data set");
        line("");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            line("| students | lessons | absence records | enrolments |");
            line("|---:|---:|---:|---:|");
            line("| %,d | %,d | %,d | %,d |", count(s, "student"), count(s, "lesson"), count(s, "absence"), count(s, "enrolment"));
        }
        line("");
        line("## Phases");
        line("");
        line("| phase | wall time | students | lessons read | absences read | created | updated | deleted | records/s"
                + " | LVS requests | requests/s per school | LVS latency | peak heap (pools) | live heap after GC |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Phase p : phases) {
            if (p.runs().isEmpty()) {
                line("| %s | %.1f s | %,d |  |  |  |  |  | %,.0f students/s |  |  |  | %s | %s |", p.name(), p.seconds(),
                        rulesStudents, rulesStudents / p.seconds(), mib(p.peakHeap()), mib(p.liveHeap()));
                continue;
            }
            line("| %s | %.1f s%s | %,d | %,d | %,d | %,d | %,d | %,d | %,.0f | %,d | %.0f | %d ms | %s | %s |", p.name(), p.seconds(),
                    p.announceSeconds() > 0.05 ? String.format(Locale.ROOT, " (rules after it %.1f s)", p.announceSeconds()) : "",
                    p.sum(SyncRun.Counts::students), p.sum(SyncRun.Counts::lessons), p.sum(SyncRun.Counts::absences),
                    p.sum(SyncRun.Counts::created), p.sum(SyncRun.Counts::updated), p.sum(SyncRun.Counts::deleted),
                    p.recordsRead() / p.seconds(), p.requests(), p.requestsPerSchoolPerSecond(), p.latencyMs(),
                    mib(p.peakHeap()), mib(p.liveHeap()));
        }
        line("");
        line("Rules: %,d students evaluated, %,d alerts raised. Peak heap (pools): the sum of the heap pools' peaks in the"
                + " phase, an upper bound (G1 lets the young pools fill the free heap); live heap after GC: the most the heap"
                + " held right after a collection. Maximum heap %s; the simulator runs in the same JVM.", rulesStudents,
                rulesRaised, mib(HeapPeak.maxBytes()));
        List<String> failed = new ArrayList<>();
        for (Phase p : phases) {
            for (SchoolRun r : p.runs()) {
                if (r.run().status() != SyncStatus.SUCCEEDED) {
                    failed.add(p.name() + " " + r.run().school() + " " + r.run().status() + ": " + r.run().error());
                }
            }
        }
        if (!failed.isEmpty()) {
            line("");
            line("Runs not SUCCEEDED:");
            failed.forEach(f -> line("- " + f));
        }
        if (copy != null) {
            line("");
            line("## COPY reference (the rows the first sync wrote, loaded into fresh copies of their tables)");
            line("");
            line("| table | rows | COPY FROM | rows/s | table | indexes | bytes/row (table + indexes) |");
            line("|---|---:|---:|---:|---:|---:|---:|");
            for (CopyReference.TableFigures t : copy.tables()) {
                line("| %s | %,d | %.1f s | %,.0f | %s | %s | %.0f |", t.table(), t.rows(), t.loadSeconds(),
                        t.rows() / Math.max(t.loadSeconds(), 1e-9), mib(t.tableBytes()), mib(t.indexBytes()), t.bytesPerRow());
            }
            line("| **all** | %,d | **%.1f s** | %,.0f |  |  |  |", copy.rows(), copy.loadSeconds(),
                    copy.rows() / copy.loadSeconds());
            line("");
            line("First sync / COPY: **%.1f×** (%.1f s / %.1f s).", first.seconds() / copy.loadSeconds(), first.seconds(),
                    copy.loadSeconds());
        }
        if (served != null) {
            double serviceRate = first.requests() / first.seconds();
            line("");
            line("## The simulator's own rate");
            line("");
            line("A plain JDK HTTP client, %d threads, the first sync's requests for %,d students of %s: %,d requests in"
                            + " %.1f s = **%,.0f requests/s** (%.1f MB/s). The service read **%,.0f requests/s** in its first"
                            + " sync: the simulator serves %.1f× as fast as the service reads.", served.threads(),
                    served.students(), "BENCH01", served.requests(),
                    served.seconds(), served.requestsPerSecond(), served.megabytesPerSecond(), serviceRate,
                    served.requestsPerSecond() / serviceRate);
        }
        targets(phases, copy, served);
    }

    private void targets(List<Phase> phases, CopyReference.Result copy, SimulatorRate.Result served) {
        line("");
        line("## Targets");
        line("");
        line("| target | measured | met |");
        line("|---|---|---|");
        Phase first = phases.get(0);
        if (copy != null) {
            double ratio = first.seconds() / copy.loadSeconds();
            line("| first sync within 3× COPY (aim 2×) | %.1f× | %s |", ratio, yes(ratio <= 3));
        }
        line("| first sync under 10 minutes | %.0f s | %s |", first.seconds(), yes(first.seconds() < 600));
        for (Phase p : phases.subList(1, phases.size())) {
            if (RULES_AGAIN.equals(p.name())) {
                continue;
            }
            if (p.runs().isEmpty()) {
                line("| rules over every student under 5 s | %.1f s | %s |", p.seconds(), yes(p.seconds() < 5));
            } else if (p.latencyMs() > 0) {
                line("| %s under 5 minutes | %.0f s (%.0f requests/s per school) | %s |", p.name(), p.seconds(),
                        p.requestsPerSchoolPerSecond(), yes(p.seconds() < 300));
            } else {
                line("| %s under 60 s | %.1f s | %s |", p.name(), p.seconds(), yes(p.seconds() < 60));
            }
        }
        long peak = phases.stream().mapToLong(Phase::peakHeap).max().orElse(0);
        long live = phases.stream().mapToLong(Phase::liveHeap).max().orElse(0);
        line("| peak heap under 512 MiB (`-Xmx512m` passes) | live after GC %s, pools' peaks %s, max heap %s | %s |", mib(live),
                mib(peak), mib(HeapPeak.maxBytes()), yes(HeapPeak.maxBytes() <= 512L * 1024 * 1024 && live < 512L * 1024 * 1024));
        if (served != null) {
            double serviceRate = first.requests() / first.seconds();
            line("| the simulator never the bottleneck | serves %,.0f/s, service reads %,.0f/s | %s |",
                    served.requestsPerSecond(), serviceRate, yes(served.requestsPerSecond() > serviceRate));
        }
    }

    private void machine(BenchDatabase db) throws Exception {
        String pg;
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            pg = rs.getString(1);
        }
        line("");
        line("Machine: %d cores, %s memory, load average %s (before the run), PostgreSQL %s, Java %s, max heap %s",
                Runtime.getRuntime().availableProcessors(), memTotal(), loadAverage(), pg,
                System.getProperty("java.version"), mib(HeapPeak.maxBytes()));
        line("Data: %,d students in %d schools (region noord), seed %d, first sync on %s, LVS latency %d ms",
                options.students(), options.schools(), options.seed(), options.day(), options.latencyMs());
        line("");
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(l.replaceAll("\\D+", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return "?";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String rateText(SyncProperties settings) {
        double rate = options.maxRequestsPerSecond() != null ? options.maxRequestsPerSecond() : settings.maxRequestsPerSecond();
        return rate > 0 ? String.format(Locale.ROOT, " and %.0f a second", rate) : " (no rate limit)";
    }

    static LocalDate nextSchoolDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        out.println(text);
        report.append(text).append('\n');
    }

    private void save() throws IOException {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-" + LocalDateTime.now().withNano(0).toString().replace(':', '-') + ".md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        out.println("Report written to " + file);
    }
}
