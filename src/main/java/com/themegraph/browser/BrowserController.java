package com.themegraph.browser;

import java.net.URI;
import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Neo4j Browser at {@code /browser/}, from the {@code neo4j-browser} jar, so a researcher
 * needs nothing but a web browser. The page is opened with the graph's Bolt address and
 * auth method in its URL (Neo4j Browser's {@code connectURL} and
 * {@code preselectAuthMethod}), since no Neo4j discovery endpoint sits beside it to tell
 * it where the graph is.
 */
@Controller
class BrowserController implements WebMvcConfigurer {

	static final String PATH = "/browser/";

	private static final Resource INDEX = new ClassPathResource("browser/index.html");

	private final BrowserConnection connection;

	BrowserController(BrowserConnection connection) {
		this.connection = connection;
	}

	@GetMapping({ "/browser", PATH, PATH + "index.html" })
	ResponseEntity<Resource> index(@RequestParam MultiValueMap<String, String> params) {
		if (!params.containsKey("connectURL") && !params.containsKey("dbms")) {
			URI preset = ServletUriComponentsBuilder.fromCurrentContextPath()
				.path(PATH)
				.queryParams(params)
				.queryParams(connection.browserParameters())
				.encode()
				.build()
				.toUri();
			return ResponseEntity.status(HttpStatus.FOUND).location(preset).build();
		}
		// The page names the hashed bundles of this very jar, so it must never be served
		// stale.
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(INDEX);
	}

	/**
	 * The bundles' names carry a content hash and the rest (icons, fonts) change only
	 * with the jar's version, so a browser keeps them for a week and the service serves
	 * their 12 MB of JavaScript once per user, not on every visit.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(PATH + "**")
			.addResourceLocations("classpath:/browser/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
			.resourceChain(true);
	}

}
