package com.themegraph.web;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Request logging is off unless {@code themegraph.request-log.enabled} is true. */
@ExtendWith(OutputCaptureExtension.class)
class RequestLoggingTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(RequestLogging.class);

	@Test
	void offByDefault() {
		context.run(beans -> assertThat(beans).doesNotHaveBean("requestLog").hasBean("writerInLogContext"));
	}

	@Test
	void onItLogsOneLinePerRequestWithoutHeaders(CapturedOutput log) {
		context.withPropertyValues("themegraph.request-log.enabled=true").run(beans -> {
			var request = new MockHttpServletRequest("GET", "/api/search");
			request.setQueryString("q=sora");
			request.addHeader("X-API-Key", "a-secret-key");
			beans.getBean("requestLog", Filter.class)
				.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		});
		assertThat(log.getOut()).containsOnlyOnce("request: GET /api/search?q=sora, client=127.0.0.1")
			.doesNotContain("a-secret-key");
	}

}
