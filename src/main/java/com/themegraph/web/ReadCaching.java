package com.themegraph.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

import com.themegraph.store.GraphVersion;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * HTTP caching of reads ({@code GET} and {@code HEAD} under {@code /api/}): an entity tag
 * per answer, derived from the graph's version ({@link GraphVersion}: it changes only
 * when a write commits, through this service, the command line or Bolt), the request's
 * path, query string and {@code Accept}, and this process's start (so a new release, or a
 * store replaced between two runs, never matches an old tag). A request whose
 * {@code If-None-Match} holds the current tag gets 304 before its query runs.
 * <p>
 * {@code Cache-Control: no-cache} rather than a max-age: the graph changes at any write,
 * and an analyst who has just loaded a report expects to see it at once; revalidating
 * costs a round trip but no query (the version is read from memory), and a 304 carries no
 * body. {@code private} is added while reads need the key, so a shared cache never keeps
 * an answer for those who lack it.
 * <p>
 * The tags are weak ({@code W/"..."}) though the bytes for a tag never differ: Tomcat
 * will not gzip an answer that has a strong tag (a strong tag must change with the
 * encoding, RFC 9110 section 8.8.3), and {@code If-None-Match} compares weakly anyway, so
 * revalidation works the same. Problem details and writes get no tag and keep Spring
 * Security's {@code no-store}. With a Neo4j server there is no exact version to read, so
 * no tags are given (answers stay {@code no-store}).
 */
final class ReadCaching {

	/** The request attribute holding the tag the answer will carry. */
	static final String ETAG_ATTRIBUTE = ReadCaching.class.getName() + ".etag";

	private ReadCaching() {
	}

	/**
	 * Runs after the handler is chosen (so request metrics still name the endpoint) and
	 * before it runs (so a 304 costs no query).
	 */
	static final class Interceptor implements HandlerInterceptor {

		private final ObjectProvider<GraphVersion> version;

		private final SecurityProperties security;

		/** Tells this process's tags from those of an earlier run on the same store. */
		private final String instance = UUID.randomUUID().toString();

		Interceptor(ObjectProvider<GraphVersion> version, SecurityProperties security) {
			this.version = version;
			this.security = security;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			var method = request.getMethod();
			var graph = this.version.getIfAvailable();
			if (graph == null || !("GET".equals(method) || "HEAD".equals(method))) {
				return true;
			}
			long current;
			try {
				current = graph.current();
			}
			catch (RuntimeException ex) {
				// A store that has stopped (after a critical error) has no version: the
				// read goes on untagged, and answers what the store's state calls for.
				return true;
			}
			var etag = etag(this.instance, current, request);
			request.setAttribute(ETAG_ATTRIBUTE, etag);
			// Spring's own evaluation of If-None-Match (weak comparison, lists, "*"),
			// given no response so that it sets no header on answers that turn out to be
			// problems.
			if (new ServletWebRequest(request).checkNotModified(etag)) {
				response.setStatus(HttpStatus.NOT_MODIFIED.value());
				cacheHeaders(response, etag, this.security);
				return false;
			}
			return true;
		}

	}

	/**
	 * Puts the tag and {@code Cache-Control} on successful answers only, just before the
	 * body is written (the status is known by then); a problem or any other status keeps
	 * none.
	 */
	@ControllerAdvice
	static final class Headers implements ResponseBodyAdvice<Object> {

		private final SecurityProperties security;

		Headers(SecurityProperties security) {
			this.security = security;
		}

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
				Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
				ServerHttpResponse response) {
			if (body instanceof ProblemDetail || !(request instanceof ServletServerHttpRequest servletRequest)
					|| !(response instanceof ServletServerHttpResponse servletResponse)) {
				return body;
			}
			var etag = servletRequest.getServletRequest().getAttribute(ETAG_ATTRIBUTE);
			if (etag instanceof String tag
					&& servletResponse.getServletResponse().getStatus() == HttpStatus.OK.value()) {
				cacheHeaders(servletResponse.getServletResponse(), tag, this.security);
			}
			return body;
		}

	}

	static void cacheHeaders(HttpServletResponse response, String etag, SecurityProperties security) {
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, security.readsOpen() ? "no-cache" : "private, no-cache");
		// Answers differ by Accept (JSON, text); Tomcat adds Accept-Encoding and
		// Spring's CORS support Origin.
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
	}

	/**
	 * The weak tag of one read.
	 * @param instance this process's random id
	 * @param version the graph's version when the read began
	 * @param request gives the path (as sent, still percent-encoded), query string and
	 * Accept header; GET and HEAD share a tag, as they share an answer
	 * @return {@code W/"<22 characters of base64url>"}: the first 128 bits of a SHA-256
	 * over the inputs
	 */
	static String etag(String instance, long version, HttpServletRequest request) {
		var input = String.join("\n", instance, Long.toString(version), request.getRequestURI(),
				Objects.toString(request.getQueryString(), ""),
				Objects.toString(request.getHeader(HttpHeaders.ACCEPT), ""));
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
			return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16))
					+ "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
