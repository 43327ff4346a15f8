package com.themegraph.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.SemaphoreValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * At most {@code themegraph.limits.upload.concurrency} requests with a body at once.
 * Tomcat reads a body with blocking reads on a request thread, so clients trickling
 * bodies a byte at a time once held every thread and no read was answered. Beyond the
 * limit a request with a body is answered 503 with Retry-After before a byte of its body
 * is read.
 * <p>
 * Tomcat's own SemaphoreValve counts the slots; it runs before every servlet filter, and
 * as a valve it can do what a filter cannot: tell Tomcat not to read ("swallow") the rest
 * of a body nobody will use before it closes the connection. Without that, answering a
 * trickling client would still leave its thread waiting for the rest of its body.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadSlots {

	/** Set by {@link RequestSizeFilter} on a request whose body ran past its deadline. */
	static final String BODY_TIMED_OUT = UploadSlots.class.getName() + ".bodyTimedOut";

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> uploadSlotValve(UploadLimits limits,
			JsonMapper json) {
		return factory -> factory.addEngineValves(new Valve(limits, json));
	}

	static final class Valve extends SemaphoreValve {

		private final UploadLimits limits;

		private final JsonMapper json;

		Valve(UploadLimits limits, JsonMapper json) {
			this.limits = limits;
			this.json = json;
			setConcurrency(limits.concurrency());
			// Refuse at once: waiting for a slot would hold the very thread the limit
			// protects.
			setBlock(false);
		}

		@Override
		public boolean controlConcurrency(Request request, Response response) {
			return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			super.invoke(request, response);
			if (request.getAttribute(BODY_TIMED_OUT) != null) {
				closeWithoutReadingTheRest(request);
			}
		}

		@Override
		public void permitDenied(Request request, Response response) throws IOException {
			long seconds = Math.max(1, limits.bodyTimeout().toSeconds());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			ProblemResponses.write(request, response, json, HttpStatus.SERVICE_UNAVAILABLE, "uploads-busy",
					"Too many uploads",
					limits.concurrency() + " requests with a body are already being received or processed, as many as "
							+ "themegraph.limits.upload.concurrency allows; try again in " + seconds + " s");
			closeWithoutReadingTheRest(request);
		}

		/**
		 * The answer is still sent; then the connection closes instead of waiting for the
		 * rest of the body.
		 */
		private static void closeWithoutReadingTheRest(Request request) {
			request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}

	}

}
