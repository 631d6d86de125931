package nl.lvssync.sync;

import nl.lvssync.LvsSyncProperties;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** One Quartz cron route per school (local time Europe/Amsterdam) into the YAML sync routes. */
@Component
public class SyncScheduleRoutes extends RouteBuilder {

    private final SchoolDirectory schools;
    private final LvsSyncProperties properties;

    public SyncScheduleRoutes(SchoolDirectory schools, LvsSyncProperties properties) {
        this.schools = schools;
        this.properties = properties;
    }

    @Override
    public void configure() {
        for (School school : schools.all()) {
            from("quartz:lvs-sync/" + school.id() + "?cron=" + school.schedule().trim().replace(' ', '+')
                    + "&trigger.timeZone=Europe/Amsterdam")
                    .routeId("schedule-" + school.id())
                    .autoStartup(properties.sync().schedulesEnabled())
                    .setBody(constant(school.id()))
                    .to("direct:scheduled-sync");
        }
    }
}
