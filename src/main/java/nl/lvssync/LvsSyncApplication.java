package nl.lvssync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LvsSyncApplication {
    public static void main(String[] args) {
        SpringApplication.run(LvsSyncApplication.class, args);
    }
}
