package com.themegraph.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query parameters, content negotiation and messages exactly as documented (issue 27):
 * numbers in decimal digits only, a repeated parameter refused by name, dates
 * {@code YYYY-MM-DD} that are days with four-digit years, every bad parameter of a
 * request in one problem; {@code q=0} honoured, 406 and every 4xx with a problem body;
 * {@code TRACE}'s {@code Allow} the path's own methods.
 */
class StrictRequestsIT extends GraphIT {

	private static final HttpClient client = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	record Answer(int status, HttpResponse<String> response) {

		String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		JsonNode body() {
			return json.readTree(response.body());
		}

	}

	private Answer call(String method, String pathAndQuery, String... headers) {
		var request = HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertBadParameter(Response answer, String detail, String... parameters) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().path("type").asString())
			.isEqualTo("https://themegraph.example/problems/bad-parameter");
		assertThat(answer.body().path("detail").asString()).isEqualTo(detail);
		assertThat(answer.body().path("parameters").valueStream().map(JsonNode::asString).toList())
			.containsExactly(parameters);
	}

	/**
	 * Spring read {@code 0x10} and {@code #10} as 16 and {@code 1 0} as 10. Sent as
	 * written (percent-encoded here), so {@code %2B} arrives as {@code +}.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "0x10", "%2310", "1%200", "%2B10", "1e1", "10.0", "%D9%A1%D9%A0", "%EF%BC%91%EF%BC%90" })
	void aNumberIsDecimalDigitsOnly(String value) {
		var shown = java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
		for (var list : List.of("/api/themes", "/api/technologies/sora/stocks", "/api/reports")) {
			assertBadParameter(raw("GET", list + "?limit=" + value),
					"limit must be a whole number in decimal digits, from 1 to 500; was \"" + shown + "\"", "limit");
		}
	}

	@Test
	void aRepeatedParameterIsRefusedNamingIt() {
		assertBadParameter(get("/api/themes?limit=5&limit=10"), "limit is given 2 times; give it once", "limit");
		assertBadParameter(get("/api/reports?since=2024-01-01&since=2025-01-01"),
				"since is given 2 times; give it once", "since");
		assertBadParameter(get("/api/themes/ai-video-tools/stocks?sort=rank&sort=newest&sort=rank"),
				"sort is given 3 times; give it once", "sort");
	}

	/** A year past 9999 was compared as text, inverting the date window. */
	@ParameterizedTest
	@ValueSource(strings = { "%2B10000-01-01", "2025-02-30", "2024-1-5", "10000-01-01", "-0001-01-01", "2024-04-31" })
	void aDateIsADayWithAFourDigitYear(String value) {
		var shown = java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
		for (var list : List.of("/api/themes/ai-video-tools/stocks", "/api/technologies/sora/stocks",
				"/api/stocks/300459.SZ/exposure", "/api/reports")) {
			assertBadParameter(raw("GET", list + "?until=" + value),
					"until must be an ISO date, YYYY-MM-DD (such as 2024-03-01); was \"" + shown + "\"", "until");
		}
		assertThat(get("/api/reports?since=0001-01-01&until=9999-12-31").status()).isEqualTo(200);
	}

	@Test
	void everyBadParameterOfARequestIsInOneProblem() {
		assertBadParameter(
				get("/api/themes/ai-video-tools/stocks?skip=0x10&limit=501&evidenceLimit=1&evidenceLimit=2"
						+ "&since=2025-02-30&sort=oldest"),
				"skip must be a whole number in decimal digits, from 0 to 100000; was \"0x10\"; "
						+ "limit must be from 1 to 500; was 501; evidenceLimit is given 2 times; give it once; "
						+ "since must be an ISO date, YYYY-MM-DD (such as 2024-03-01); was \"2025-02-30\"; "
						+ "sort must match \"rank|newest\"",
				"skip", "limit", "evidenceLimit", "since", "sort");
		assertBadParameter(get("/api/reports?limit=0&since=2025-02-01&until=2025-01-31"),
				"limit must be from 1 to 500; was 0; since must be on or before until; was since=2025-02-01, "
						+ "until=2025-01-31",
				"limit", "since", "until");
	}

	@Test
	void aCsvRequestsBadParameterIsAProblemToo() {
		var answer = call("GET", "/api/technologies/sora/stocks?limit=0x10", "Accept", "text/csv");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body().path("parameters").get(0).asString()).isEqualTo("limit");
	}

	/** {@code q=0} means not acceptable (RFC 9110, 12.5.1): JSON was served with 200. */
	@Test
	void acceptWithQZeroIsHonoured() {
		for (var accept : List.of("application/json;q=0", "application/json;q=0, */*", "*/*;q=0",
				"application/*;q=0.5, application/json;q=0")) {
			var refused = call("GET", "/api/themes", "Accept", accept);
			assertThat(refused.status()).as(accept).isEqualTo(406);
			assertThat(refused.header("Content-Type")).as(accept).startsWith("application/problem+json");
			assertThat(refused.body().path("type").asString())
				.isEqualTo("https://themegraph.example/problems/not-acceptable");
			assertThat(refused.body().path("detail").asString()).as(accept).isNotBlank();
		}
		for (var accept : List.of("application/json;q=0.1", "*/*;q=0, application/json",
				"text/csv;q=0, application/json", "application/json;q=0.0001")) {
			var served = call("GET", "/api/themes", "Accept", accept);
			assertThat(served.status()).as(accept).isEqualTo(200);
			assertThat(served.header("Content-Type")).as(accept).startsWith("application/json");
		}
		// CSV excluded, JSON asked for: the JSON of the same list.
		var json = call("GET", "/api/themes/ai-video-tools/stocks", "Accept", "text/csv;q=0, application/json");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.header("Content-Type")).startsWith("application/json");
	}

	@Test
	void anUnparseableAcceptIsA406WithAProblemBody() {
		for (var accept : List.of("nonsense", "application/", "text/csv;q=x;;", "application/json;q=2")) {
			var refused = call("GET", "/api/themes", "Accept", accept);
			assertThat(refused.status()).as(accept).isIn(406);
			assertThat(refused.header("Content-Type")).as(accept).startsWith("application/problem+json");
			assertThat(refused.body().path("detail").asString()).as(accept)
				.isEqualTo("The Accept header is not a list of media types (RFC 9110, section 12.5.2), such as "
						+ "application/json or text/csv;q=0.5");
		}
	}

	/** Tomcat's 405 for TRACE listed every method the servlet has, writes included. */
	@Test
	void traceListsThePathsOwnMethodsAsAnyOtherRefusedMethodDoes() {
		for (var path : List.of("/api/themes", "/api/themes/ai-video-tools/stocks", "/api/reports",
				"/api/reports/" + SEED_REPORT, "/api/reports/extract")) {
			var trace = call("TRACE", path);
			var put = call("PUT", path, "X-API-Key", TEST_API_KEY);
			assertThat(trace.status()).as(path).isEqualTo(405);
			assertThat(put.status()).as(path).isEqualTo(405);
			assertThat(trace.header("Allow")).as(path).isEqualTo(put.header("Allow"));
			assertThat(trace.header("Content-Type")).startsWith("application/problem+json");
		}
		assertThat(call("TRACE", "/api/themes").header("Allow")).isEqualTo("GET");
		assertThat(List.of(call("TRACE", "/api/reports/" + SEED_REPORT).header("Allow").split(", ")))
			.containsExactlyInAnyOrder("GET", "DELETE");
	}

}
