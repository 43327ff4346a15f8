package com.themegraph.web;

import java.io.IOException;
import java.util.Locale;

import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
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

	private final ObjectProvider<HandlerMapping> endpoints;

	ProblemErrorController(JsonMapper json,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> endpoints) {
		this.json = json;
		this.endpoints = endpoints;
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
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			response.setHeader(HttpHeaders.ALLOW, allowFor(request, path));
		}
		var allowed = response.getHeader(HttpHeaders.ALLOW);
		var detail = status == HttpStatus.METHOD_NOT_ALLOWED
				? "This method is not allowed on " + path + (allowed == null ? "" : "; allowed: " + allowed)
				: status.getReasonPhrase();
		ProblemResponses.write(response, json, status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
				status.getReasonPhrase(), detail, path);
	}

	/**
	 * The methods the endpoint at {@code path} takes, as Spring MVC's own 405 lists them
	 * for a method it does not take ({@code GET} for {@code /api/themes}); {@code GET,
	 * HEAD} where no endpoint maps the path (static files). The container's 405 (for
	 * {@code TRACE}, which Tomcat refuses before Spring MVC sees it) listed every method
	 * the dispatcher servlet implements, writes included: the handler mapping is asked
	 * instead, with the refused request's path and a method no endpoint takes.
	 */
	private String allowFor(HttpServletRequest request, String path) {
		var mapping = endpoints.getIfAvailable();
		if (mapping == null) {
			return "GET, HEAD";
		}
		var probe = new HttpServletRequestWrapper(request) {

			@Override
			public String getMethod() {
				return "TRACE";
			}

			@Override
			public String getRequestURI() {
				return path;
			}

			@Override
			public DispatcherType getDispatcherType() {
				return DispatcherType.REQUEST;
			}

		};
		var parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			ServletRequestPathUtils.parseAndCache(probe);
			mapping.getHandler(probe);
		}
		catch (HttpRequestMethodNotSupportedException ex) {
			var methods = ex.getSupportedHttpMethods();
			if (methods != null && !methods.isEmpty()) {
				return methods.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
			}
		}
		catch (Exception ex) {
			// Anything else about the request: the static files' methods stand.
		}
		finally {
			request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
		}
		return "GET, HEAD";
	}

}
