package com.themegraph.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code themegraph.limits.max-request-size} with 413: at once when
 * the length is declared, and while reading when it is not (chunked), so no body over the limit
 * is ever held in memory whole.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final JsonMapper json;

	RequestSizeFilter(LimitsProperties limits, JsonMapper json) {
		this.maxBytes = limits.maxRequestSize().toBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			ProblemResponses.write(request, response, json, HttpStatus.CONTENT_TOO_LARGE, "too-large",
					"Request too large", tooLarge());
			return;
		}
		chain.doFilter(new LimitedRequest(request, maxBytes), response);
	}

	private String tooLarge() {
		return "The request body is over the limit of " + maxBytes + " bytes (themegraph.limits.max-request-size)";
	}

	/** Thrown while reading a body that turns out too large; mapped to 413 by the exception handler. */
	static final class TooLargeException extends IOException {

		TooLargeException(String message) {
			super(message);
		}

	}

	private final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			var in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) throws TooLargeException {
					read += n;
					if (read > limit) {
						throw new TooLargeException(tooLarge());
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}

	}

}
