package nl.lvssync.sync;

import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The nightly and on-demand sync: one Quartz cron route per school (local time Europe/Amsterdam), a queue for
 * runs requested on schedule, through the API or at start-up, taken by {@code lvs-sync.sync.parallel-schools}
 * consumers (so that many schools sync at once, the rest wait their turn), and the route that executes a run and then announces its end
 * ({@link SyncRunFinished}): the rules evaluate what it changed, a failure is told. Failures of the routes nobody waits on are handled
 * by the shared {@code background} route configuration (routes/error-handling.camel.yaml).
 */
@Component
class SyncRoutes extends RouteBuilder {

    private final SchoolDirectory schools;
    private final SyncProperties properties;
    private final SyncRequests requests;
    private final SyncService sync;

    SyncRoutes(SchoolDirectory schools, SyncProperties properties, SyncRequests requests, SyncService sync) {
        this.schools = schools;
        this.properties = properties;
        this.requests = requests;
        this.sync = sync;
    }

    @Override
    public void configure() {
        for (School school : schools.all()) {
            from("quartz:lvs-sync/" + school.id() + "?cron=" + school.schedule().trim().replace(' ', '+')
                    + "&trigger.timeZone=Europe/Amsterdam")
                    .routeId("schedule-" + school.id())
                    .routeConfigurationId("background")
                    .autoStartup(properties.schedulesEnabled())
                    .setBody(constant(school.id()))
                    .to(SyncEndpoints.SCHEDULED);
        }

        from(SyncEndpoints.SCHEDULED)
                .routeId("scheduled-sync")
                .routeConfigurationId("background")
                .bean(requests, "startScheduled")
                .filter(body().isNotNull())
                .to(SyncEndpoints.QUEUE);

        from(SyncEndpoints.QUEUE + "?concurrentConsumers=" + properties.parallelSchools())
                .routeId("sync-requests")
                .routeConfigurationId("background")
                .to(SyncEndpoints.RUN);

        from(SyncEndpoints.RUN)
                .routeId("sync-run")
                .bean(sync, "execute").id("execute-sync")
                .bean(sync, "announce").id("announce-run")
                .log("Sync run ${body.id} of school ${body.school} ended ${body.status}");
    }
}
