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
			System.exit(ThemeGraphCli.execute(args));
		}
		SpringApplication.run(ThemeGraphApplication.class, args);
	}

}
