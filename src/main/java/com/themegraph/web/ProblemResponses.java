package com.themegraph.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem details written by servlet filters, which answer before any controller advice
 * can.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json, HttpStatus status,
			String type, String title, String detail) throws IOException {
		write(response, json, status, type, title, detail, request.getRequestURI());
	}

	/** {@code instance}: the path the problem is about, as the client sent it. */
	static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String type, String title,
			String detail, String instance) throws IOException {
		var problem = ApiExceptionHandler.problem(status, type, title, detail);
		try {
			problem.setInstance(URI.create(instance));
		}
		catch (IllegalArgumentException ex) {
			// A path Tomcat let through but java.net.URI refuses: the problem stands
			// without it.
		}
		var body = json.writeValueAsBytes(problem);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		// A declared length lets a client that is still sending know the answer is
		// complete.
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
