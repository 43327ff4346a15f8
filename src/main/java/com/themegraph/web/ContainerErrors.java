package com.themegraph.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Errors Tomcat answers itself, before any servlet runs (a path that is not valid
 * percent-encoding, a duplicate Host header, a malformed request line), as problem
 * details instead of Tomcat's HTML page. Errors inside the application go to
 * {@link ProblemErrorController} as before: Tomcat asks this valve only when nothing has
 * written an answer yet.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

	/**
	 * An encoded slash ({@code %2F}) or backslash ({@code %5C}) in a path is passed on
	 * undecoded rather than refused by Tomcat with a bare "Bad Request": Spring
	 * Security's firewall then refuses it (it allows neither) and says which character it
	 * was, through the service's rejected-request problem. Nothing behind the firewall
	 * ever sees one: no id or code holds a slash.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
		return factory -> factory.addConnectorCustomizers(connector -> {
			connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
			connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
		});
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(JsonMapper json) {
		return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
			// By the time the context starts, Spring Boot has put Tomcat's own valve on
			// the host: swap it.
			if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				return;
			}
			var pipeline = context.getParent().getPipeline();
			for (var valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemErrorReportValve(json));
		}));
	}

	/** What Tomcat's parser refuses without saying why. */
	static final String MALFORMED = "the request line or a header is malformed (a character a URL may not hold "
			+ "unencoded, such as a raw \\ or {; a missing or repeated Host header; or headers too large)";

	/** Tomcat's error report, written as RFC 9457 problem details. */
	static final class ProblemErrorReportValve extends ErrorReportValve {

		private final JsonMapper json;

		ProblemErrorReportValve(JsonMapper json) {
			this.json = json;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			var ioAllowed = new AtomicBoolean(true);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			var status = HttpStatus.resolve(code);
			// Tomcat's reason, such as "Invalid URI: [...]", names the fault; it is
			// Tomcat's own text, not the client's input. The status in the body is the
			// one sent (501 for an unknown transfer coding, not 500).
			var reason = response.getMessage();
			var problem = status == null || status == HttpStatus.INTERNAL_SERVER_ERROR
					? ApiExceptionHandler.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
							"The service failed to answer this request")
					: ApiExceptionHandler.problem(status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
							status.getReasonPhrase(),
							(status.is5xxServerError() ? "The server cannot answer this request: "
									: "The server could not read this request: ")
									+ (reason != null && !reason.isBlank() ? reason
											: status == HttpStatus.BAD_REQUEST ? MALFORMED : status.getReasonPhrase()));
			try {
				problem.setInstance(URI.create(request.getRequestURI()));
			}
			catch (RuntimeException ex) {
				// The path is what was malformed: the problem stands without it.
			}
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				var writer = response.getReporter();
				if (writer != null) {
					writer.write(json.writeValueAsString(problem));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The connection is gone or the answer already started: nothing more to
				// tell the client.
			}
		}

	}

}
