package com.themegraph.web;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

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
 * Refuses request bodies over {@code themegraph.limits.max-request-size} with 413: at
 * once when the length is declared, and while reading when it is not (chunked), so no
 * body over the limit is ever held in memory whole. A body still arriving
 * {@code themegraph.limits.upload.body-timeout} after its request began is cut off with
 * 408, however steadily it trickles: Tomcat's read timeout only notices a body that
 * stops, not one that arrives a byte every few seconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final JsonMapper json;

	private final Duration bodyTimeout;

	RequestSizeFilter(LimitsProperties limits, UploadLimits uploads, JsonMapper json) {
		this.maxBytes = limits.maxRequestSize().toBytes();
		this.bodyTimeout = uploads.bodyTimeout();
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
		chain.doFilter(new LimitedRequest(request, maxBytes, System.nanoTime() + bodyTimeout.toNanos()), response);
	}

	private String tooLarge() {
		return "The request body is over the limit of " + maxBytes + " bytes (themegraph.limits.max-request-size)";
	}

	/**
	 * Thrown while reading a body that turns out too large; mapped to 413 by the
	 * exception handler.
	 */
	static final class TooLargeException extends IOException {

		TooLargeException(String message) {
			super(message);
		}

	}

	/**
	 * Thrown while reading a body that is still arriving past its deadline; mapped to 408
	 * by the exception handler.
	 */
	static final class BodyTimeoutException extends IOException {

		BodyTimeoutException(String message) {
			super(message);
		}

	}

	private final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private final long deadline;

		LimitedRequest(HttpServletRequest request, long limit, long deadline) {
			super(request);
			this.limit = limit;
			this.deadline = deadline;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			var in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b;
					try {
						b = in.read();
					}
					catch (IOException ex) {
						throw readFailure(ex);
					}
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n;
					try {
						n = in.read(buffer, offset, length);
					}
					catch (IOException ex) {
						throw readFailure(ex);
					}
					if (n > 0) {
						count(n);
					}
					return n;
				}

				/**
				 * Tomcat's read timeout (a client that stopped sending) is the body being
				 * too slow too.
				 */
				private IOException readFailure(IOException ex) {
					for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
						if (cause instanceof SocketTimeoutException) {
							setAttribute(UploadSlots.BODY_TIMED_OUT, Boolean.TRUE);
							var slow = new BodyTimeoutException(
									"No more of the request body arrived within the read timeout "
											+ "(server.tomcat.connection-timeout); send it again");
							slow.initCause(ex);
							return slow;
						}
					}
					return ex;
				}

				private void count(int n) throws IOException {
					read += n;
					if (read > limit) {
						throw new TooLargeException(tooLarge());
					}
					// Checked as bytes arrive: a read blocked on a silent client ends at
					// Tomcat's read timeout instead.
					if (System.nanoTime() - deadline > 0) {
						setAttribute(UploadSlots.BODY_TIMED_OUT, Boolean.TRUE);
						throw new BodyTimeoutException("The request body was still arriving " + bodyTimeout.toSeconds()
								+ " s after the request began (themegraph.limits.upload.body-timeout); send it again, faster");
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
