package com.themegraph.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.AbstractRequestLoggingFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the logs say about requests: who each write is by (the name the key is known by,
 * {@code themegraph.security.username}, never the key), for the write's own log line;
 * and, when {@code themegraph.request-log.enabled} is true, one line per request.
 */
@Configuration(proxyBeanMethods = false)
class RequestLogging {

	/**
	 * The MDC entry the loader's write log line reads
	 * (com.themegraph.ingest.IngestService, which this package may not import, nor it
	 * this one).
	 */
	static final String WRITER_MDC = "writer";

	/**
	 * Runs after the security chain, so the caller is known: puts the authenticated
	 * writer's name in the MDC for the request's duration.
	 */
	@Bean
	OncePerRequestFilter writerInLogContext() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				var authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication == null || !authentication.isAuthenticated()
						|| authentication instanceof AnonymousAuthenticationToken) {
					chain.doFilter(request, response);
					return;
				}
				MDC.put(WRITER_MDC, authentication.getName());
				try {
					chain.doFilter(request, response);
				}
				finally {
					MDC.remove(WRITER_MDC);
				}
			}
		};
	}

	/**
	 * Spring's request logging filter, at INFO and once per request (after it): method,
	 * path with query string, and the client's address. Headers are left out, as they may
	 * hold the key.
	 */
	@Bean
	@ConditionalOnBooleanProperty("themegraph.request-log.enabled")
	AbstractRequestLoggingFilter requestLog() {
		var filter = new AbstractRequestLoggingFilter() {

			private static final Logger log = LoggerFactory.getLogger("com.themegraph.web.requests");

			@Override
			protected boolean shouldLog(HttpServletRequest request) {
				return log.isInfoEnabled();
			}

			@Override
			protected void beforeRequest(HttpServletRequest request, String message) {
			}

			@Override
			protected void afterRequest(HttpServletRequest request, String message) {
				log.info(message);
			}

		};
		filter.setIncludeQueryString(true);
		filter.setIncludeClientInfo(true);
		filter.setIncludeHeaders(false);
		filter.setIncludePayload(false);
		filter.setAfterMessagePrefix("request: ");
		filter.setAfterMessageSuffix("");
		return filter;
	}

}
