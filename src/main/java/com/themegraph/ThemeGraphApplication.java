package com.themegraph;

import com.themegraph.cli.ThemeGraphCli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ThemeGraphApplication {

	public static void main(String[] args) {
		if (ThemeGraphCli.isCommand(args)) {
			// Neo4j writes its own logs with Log4j, under the data directory. When that disk is full,
			// Log4j reports every failed write on standard error, burying the one line the command
			// prints about it; the service, whose standard error is a log, keeps them.
			if (System.getProperty("log4j2.StatusLogger.level") == null) {
				System.setProperty("log4j2.StatusLogger.level", "OFF");
			}
			System.exit(ThemeGraphCli.execute(args));
		}
		SpringApplication.run(ThemeGraphApplication.class, args);
	}

}
