package com.themegraph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes need credentials: the API key in an {@code X-API-Key} header, or HTTP Basic with
 * the configured user name and the key as password, each compared exactly and in constant
 * time. Reads (GET, HEAD and OPTIONS; Neo4j Browser at /browser/ among them) stay open
 * unless {@code themegraph.security.reads-open=false}; the API docs and health always
 * are. Failures answer 401 problem details; the API is stateless, so there are no
 * sessions and no CSRF tokens to carry.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	static final String API_KEY_HEADER = "X-API-Key";

	static final String WRITER = "WRITER";

	/** The methods that only read, open to anyone while reads are open. */
	static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, CorsProperties cors,
			JsonMapper json) throws Exception {
		if (!properties.writesEnabled()) {
			log.warn("THEMEGRAPH_API_KEY is not set: every write (POST/PUT/DELETE) will be refused with 401");
		}
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> writeProblem(response, json, request);
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
			// Where Spring Security's own cors() would put it, with a processor that
			// refuses with problem details.
			.addFilterAt(CrossOrigin.filter(cors, json), CorsFilter.class)
			.addFilterBefore(new ApiKeyFilter(properties), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> {
				// Extraction only drafts a document; it writes nothing, so it needs no
				// credentials.
				requests.requestMatchers(HttpMethod.POST, "/api/reports/extract").permitAll();
				// Validation checks a document against the schema and writes nothing
				// either.
				requests.requestMatchers(HttpMethod.POST, "/api/reports/validate").permitAll();
				requests.requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll();
				// The API's description stays open even when reads are closed: it holds
				// no data. Neo4j Browser (/browser/) does not: it opens onto the graph,
				// so it is a read like any other.
				for (var method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
					requests
						.requestMatchers(method, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
								"/swagger-ui/**")
						.permitAll();
				}
				// A read is GET, HEAD (the same answer without its body) or OPTIONS (the
				// methods a path takes; a browser's CORS preflight never carries
				// credentials). /actuator/prometheus is a read too: request counts and
				// timings per endpoint, nothing from the graph beyond report counts.
				requests.requestMatchers(request -> READ_METHODS.contains(request.getMethod()))
					.access((authentication,
							context) -> new AuthorizationDecision(properties.readsOpen() || authentication.get()
								.getAuthorities()
								.stream()
								.anyMatch(a -> a.getAuthority().equals("ROLE_" + WRITER))));
				requests.anyRequest().hasRole(WRITER);
			});
		return http.build();
	}

	/**
	 * Paths the firewall refuses (encoded slashes, "//", control characters) get a
	 * problem too.
	 */
	@Bean
	RequestRejectedHandler problemForRejectedRequests(JsonMapper json) {
		return (request, response, ex) -> ProblemResponses.write(request, response, json, HttpStatus.BAD_REQUEST,
				"rejected", "Request rejected", "The request path or headers are malformed: " + ex.getMessage());
	}

	@Bean
	UserDetailsService writers(SecurityProperties properties) {
		if (!properties.writesEnabled()) {
			return new InMemoryUserDetailsManager();
		}
		return new InMemoryUserDetailsManager(
				User.withUsername(properties.username()).password(properties.apiKey()).roles(WRITER).build());
	}

	/**
	 * The "stored" password is the key itself; a presented one matches only when it is
	 * exactly the key, compared in constant time (Spring's {@code {noop}} encoder
	 * compares with {@code equals}, which returns at the first differing character).
	 */
	@Bean
	PasswordEncoder keyComparison() {
		return new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				return raw.toString();
			}

			@Override
			public boolean matches(CharSequence presented, String key) {
				return presented != null && isTheKey(presented.toString(), key);
			}
		};
	}

	/**
	 * Whether {@code presented} is exactly {@code key}, byte for byte, in time that
	 * depends on neither: both are hashed first, so even their lengths are compared in
	 * constant time. Nothing is trimmed or normalised. (HTTP itself drops spaces and tabs
	 * around a header's value, RFC 9110 section 5.5, before the service sees it.)
	 */
	static boolean isTheKey(String presented, String key) {
		if (key == null || key.isBlank()) {
			return false;
		}
		return MessageDigest.isEqual(sha256(presented), sha256(key));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static void writeProblem(HttpServletResponse response, JsonMapper json, HttpServletRequest request)
			throws IOException {
		// A client that sent the key header (the web page's fetch calls) is challenged
		// for
		// the key: a Basic challenge would make the web browser pop up its own password
		// dialog over the page, which then never sees the answer.
		response.setHeader("WWW-Authenticate", request.getHeader(API_KEY_HEADER) != null
				? "ApiKey header=\"" + API_KEY_HEADER + "\"" : "Basic realm=\"themegraph\"");
		ProblemResponses.write(request, response, json, HttpStatus.UNAUTHORIZED, "unauthorized", "Credentials required",
				"This request needs the API key, in an " + API_KEY_HEADER + " header or as the HTTP Basic password");
	}

	/**
	 * Accepts the key from its header, compared in constant time; a wrong key is a 401,
	 * not a fall-through.
	 */
	static final class ApiKeyFilter extends OncePerRequestFilter {

		private final SecurityProperties properties;

		ApiKeyFilter(SecurityProperties properties) {
			this.properties = properties;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var presented = request.getHeader(API_KEY_HEADER);
			if (presented != null && isTheKey(presented, properties.apiKey())) {
				var authentication = new UsernamePasswordAuthenticationToken(properties.username(), null,
						List.of(new SimpleGrantedAuthority("ROLE_" + WRITER)));
				SecurityContextHolder.getContext().setAuthentication(authentication);
			}
			chain.doFilter(request, response);
		}

	}

}
