package com.themegraph.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page Tomcat forwards to when an answer fails outside Spring MVC's exception
 * handling (a method the container refuses, such as TRACE; an exception escaping a
 * filter): problem details like every other error, in place of Spring Boot's whitelabel
 * page or its JSON map. Asked for directly, {@code /error} is no resource: 404.
 * <p>
 * Written straight to the response rather than returned for content negotiation, because
 * the client's Accept header may name only HTML, and an error page has no second chance.
 */
@Controller
class ProblemErrorController implements ErrorController {

	private final JsonMapper json;

	ProblemErrorController(JsonMapper json) {
		this.json = json;
	}

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer statusCode)) {
			ProblemResponses.write(request, response, json, HttpStatus.NOT_FOUND, "not-found", "Not found",
					"No resource " + request.getRequestURI());
			return;
		}
		var status = HttpStatus.resolve(statusCode);
		var path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		if (status == null || status.is5xxServerError() || !status.isError()) {
			ProblemResponses.write(response, json, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
					"The service failed to answer this request; the failure is logged", path);
			return;
		}
		// Tomcat forwards to the error page as a GET, so the refused method itself is not
		// known here.
		var allowed = response.getHeader("Allow");
		var detail = status == HttpStatus.METHOD_NOT_ALLOWED
				? "This method is not allowed on " + path + (allowed == null ? "" : "; allowed: " + allowed)
				: status.getReasonPhrase();
		ProblemResponses.write(response, json, status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
				status.getReasonPhrase(), detail, path);
	}

}
