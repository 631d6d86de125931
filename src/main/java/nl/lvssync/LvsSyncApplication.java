package nl.lvssync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.lvssync.sync.SyncOnceCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;

/** The service, and its one-off command {@code sync --once}. The modules are the packages beside this class. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "LVS Sync")
public class LvsSyncApplication {

    public static void main(String[] args) {
        int command = commandIndex(args);
        if (command >= 0) {
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            rest.remove(command);
            System.exit(syncOnce(rest.toArray(String[]::new)));
        }
        SpringApplication.run(LvsSyncApplication.class, args);
    }

    /** {@code sync --once [--school ID]}: exit 0 on success, 1 when a school failed, 2 on bad configuration. */
    static int syncOnce(String[] args) {
        String school = null;
        boolean once = false;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--once")) {
                once = true;
            } else if (args[i].equals("--school") || args[i].startsWith("--school=")) {
                // --school ID and --school=ID alike
                String id = args[i].startsWith("--school=") ? args[i].substring("--school=".length())
                        : i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "";
                if (id.isBlank()) {
                    System.err.println("lvs-sync: --school needs a school id");
                    return SyncOnceCommand.BAD_CONFIGURATION;
                }
                school = id.strip();
            } else {
                springArgs.add(args[i]);
            }
        }
        if (!once) {
            System.err.println("usage: java -jar lvs-sync.jar sync --once [--school ID]");
            return SyncOnceCommand.BAD_CONFIGURATION;
        }
        springArgs.add("--spring.main.web-application-type=none");
        springArgs.add("--lvs-sync.sync.run-at-startup=false");
        springArgs.add("--lvs-sync.sync.schedules-enabled=false");
        // the one run per school below takes in and applies the CSV exports waiting in their folders
        springArgs.add("--lvs-sync.csv.run-on-arrival=false");
        springArgs.add("--camel.springboot.main-run-controller=false");
        springArgs.add("--spring.main.banner-mode=off");
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(LvsSyncApplication.class, springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println("lvs-sync: bad configuration: " + rootMessage(e));
            return SyncOnceCommand.BAD_CONFIGURATION;
        }
        try (context) {
            return context.getBean(SyncOnceCommand.class).run(school, System.out);
        }
    }

    /** Where the command word {@code sync} stands: the first argument that is not a {@code --option}; -1 if none. */
    static int commandIndex(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                return "sync".equals(args[i]) ? i : -1;
            }
        }
        return -1;
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !message.toString().contains(t.getMessage())) {
                message.append(message.isEmpty() ? "" : " <- ").append(t.getMessage());
            }
        }
        return message.toString();
    }
}
