package com.themegraph.web;

import java.util.concurrent.atomic.AtomicLong;

import com.themegraph.store.GraphVersion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tag of a read and the 304 decision, without a graph: what each tag depends on, and
 * that a matching {@code If-None-Match} stops the request before its handler (and so its
 * query) runs.
 */
class ReadCachingTests {

	private final AtomicLong version = new AtomicLong(41);

	private final ReadCaching.Interceptor interceptor = interceptor(true);

	private ReadCaching.Interceptor interceptor(boolean readsOpen) {
		var beans = new StaticListableBeanFactory();
		beans.addBean("version", (GraphVersion) this.version::get);
		return new ReadCaching.Interceptor(beans.getBeanProvider(GraphVersion.class),
				new SecurityProperties("key", "writer", readsOpen));
	}

	private static MockHttpServletRequest get(String path, String query) {
		var request = new MockHttpServletRequest("GET", path);
		request.setQueryString(query);
		return request;
	}

	private String tag(MockHttpServletRequest request) {
		assertThat(this.interceptor.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
		return (String) request.getAttribute(ReadCaching.ETAG_ATTRIBUTE);
	}

	@Test
	void theTagChangesWithTheVersionPathQueryAndAcceptOnly() {
		var tag = tag(get("/api/themes", "limit=5"));
		assertThat(tag).matches("W/\"[A-Za-z0-9_-]{22}\"");
		assertThat(tag(get("/api/themes", "limit=5"))).isEqualTo(tag);
		var head = get("/api/themes", "limit=5");
		head.setMethod("HEAD");
		assertThat(tag(head)).isEqualTo(tag);
		var withKey = get("/api/themes", "limit=5");
		withKey.addHeader("X-API-Key", "key");
		assertThat(tag(withKey)).isEqualTo(tag);

		assertThat(tag(get("/api/themes", "limit=6"))).isNotEqualTo(tag);
		assertThat(tag(get("/api/reports", "limit=5"))).isNotEqualTo(tag);
		var csv = get("/api/themes", "limit=5");
		csv.addHeader("Accept", "text/csv");
		assertThat(tag(csv)).isNotEqualTo(tag);
		this.version.incrementAndGet();
		assertThat(tag(get("/api/themes", "limit=5"))).isNotEqualTo(tag);
	}

	@Test
	void anotherProcessNeverMatchesThisOnesTags() {
		var request = get("/api/themes", null);
		assertThat(tag(request)).isNotEqualTo(interceptorTag(interceptor(true), get("/api/themes", null)));
	}

	private static String interceptorTag(ReadCaching.Interceptor other, MockHttpServletRequest request) {
		other.preHandle(request, new MockHttpServletResponse(), new Object());
		return (String) request.getAttribute(ReadCaching.ETAG_ATTRIBUTE);
	}

	@Test
	void aMatchingIfNoneMatchAnswers304BeforeTheHandler() {
		var tag = tag(get("/api/themes", null));
		var again = get("/api/themes", null);
		again.addHeader("If-None-Match", tag);
		var response = new MockHttpServletResponse();
		assertThat(this.interceptor.preHandle(again, response, new Object())).as("the handler runs").isFalse();
		assertThat(response.getStatus()).isEqualTo(304);
		assertThat(response.getHeader("ETag")).isEqualTo(tag);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");

		this.version.incrementAndGet();
		var afterAWrite = get("/api/themes", null);
		afterAWrite.addHeader("If-None-Match", tag);
		var fresh = new MockHttpServletResponse();
		assertThat(this.interceptor.preHandle(afterAWrite, fresh, new Object())).isTrue();
		assertThat(fresh.getStatus()).isEqualTo(200);
		// Headers wait for the answer: a problem must not get them.
		assertThat(fresh.getHeader("ETag")).isNull();
	}

	@Test
	void closedReadsArePrivate() {
		var closed = interceptor(false);
		var request = get("/api/themes", null);
		closed.preHandle(request, new MockHttpServletResponse(), new Object());
		var again = get("/api/themes", null);
		again.addHeader("If-None-Match", (String) request.getAttribute(ReadCaching.ETAG_ATTRIBUTE));
		var response = new MockHttpServletResponse();
		closed.preHandle(again, response, new Object());
		assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-cache");
	}

	@Test
	void writesAndAStoreWithoutVersionGetNoTag() {
		var post = new MockHttpServletRequest("POST", "/api/reports");
		assertThat(this.interceptor.preHandle(post, new MockHttpServletResponse(), new Object())).isTrue();
		assertThat(post.getAttribute(ReadCaching.ETAG_ATTRIBUTE)).isNull();
		var none = new ReadCaching.Interceptor(new StaticListableBeanFactory().getBeanProvider(GraphVersion.class),
				new SecurityProperties("key", "writer", true));
		var read = get("/api/themes", null);
		assertThat(none.preHandle(read, new MockHttpServletResponse(), new Object())).isTrue();
		assertThat(read.getAttribute(ReadCaching.ETAG_ATTRIBUTE)).isNull();
		var stopped = new StaticListableBeanFactory();
		stopped.addBean("version", (GraphVersion) () -> {
			throw new IllegalStateException("the database has stopped");
		});
		var failing = new ReadCaching.Interceptor(stopped.getBeanProvider(GraphVersion.class),
				new SecurityProperties("key", "writer", true));
		var whileStopped = get("/api/themes", null);
		assertThat(failing.preHandle(whileStopped, new MockHttpServletResponse(), new Object())).isTrue();
		assertThat(whileStopped.getAttribute(ReadCaching.ETAG_ATTRIBUTE)).isNull();
	}

}
