package com.themegraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The service: {@code java -jar themegraph.jar} starts it (embedded Neo4j, seed data,
 * REST API). The command line has its own entry point,
 * {@code com.themegraph.cli.ThemeGraphCli}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ThemeGraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(ThemeGraphApplication.class, args);
	}

}
