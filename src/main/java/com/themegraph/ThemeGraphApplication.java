package com.themegraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ThemeGraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(ThemeGraphApplication.class, args);
	}

}
