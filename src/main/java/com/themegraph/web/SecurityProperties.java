package com.themegraph.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may write. The API key comes from the environment (THEMEGRAPH_API_KEY); there is no
 * default, so a service started without one refuses every write rather than accept a
 * known secret. Reads are open unless {@code readsOpen} is false.
 */
@ConfigurationProperties("themegraph.security")
public record SecurityProperties(String apiKey, @DefaultValue("writer") String username,
		@DefaultValue("true") boolean readsOpen) {

	public boolean writesEnabled() {
		return apiKey != null && !apiKey.isBlank();
	}

}
