package com.themegraph.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.themegraph.GraphIT;
import com.themegraph.ingest.DocumentLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dashboard on another origin, and the HTTP caches and tools between it and the
 * service, see: CORS (the test context allows {@link GraphIT#DASHBOARD_ORIGIN} only),
 * HEAD and OPTIONS as reads, entity tags and 304, gzip, no stray download header, the
 * Prometheus endpoint and the log line of each write.
 */
class HttpContractIT extends GraphIT {

	static final String FIXTURE = "test-fixture-second-report";

	static final String EXPOSURE = "/api/stocks/300459/exposure";

	private static final HttpClient client = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	DocumentLoader loader;

	@AfterEach
	void removeFixture() {
		loader.delete(FIXTURE);
	}

	/** An answer with its headers and raw bytes (not decompressed). */
	record Answer(int status, HttpHeaders headers, byte[] bytes) {

		String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		String text() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

	Answer call(String method, String path, String... headers) {
		return call(method, path, HttpRequest.BodyPublishers.noBody(), headers);
	}

	Answer call(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
		var request = HttpRequest.newBuilder(uri(path)).method(method, body);
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertProblem(Answer answer, int status, String type) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		var body = json.readTree(answer.text());
		assertThat(body.path("status").asInt()).isEqualTo(status);
		assertThat(body.path("type").asString()).isEqualTo("https://themegraph.example/problems/" + type);
	}

	// CORS

	@Test
	void aPreflightFromTheDashboardIsAnsweredWithoutCredentials() {
		var read = call("OPTIONS", "/api/themes", "Origin", DASHBOARD_ORIGIN, "Access-Control-Request-Method", "GET",
				"Access-Control-Request-Headers", "if-none-match");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD_ORIGIN);
		assertThat(read.header("Access-Control-Allow-Methods")).isEqualTo("GET,HEAD,POST,DELETE");
		assertThat(read.header("Access-Control-Allow-Headers")).isEqualTo("if-none-match");
		assertThat(read.header("Access-Control-Allow-Credentials")).isNull();
		assertThat(read.header("WWW-Authenticate")).isNull();
		// A write's preflight may name the key header; the write itself still needs it.
		var write = call("OPTIONS", "/api/reports", "Origin", DASHBOARD_ORIGIN, "Access-Control-Request-Method", "POST",
				"Access-Control-Request-Headers", "content-type,x-api-key");
		assertThat(write.status()).isEqualTo(200);
		assertThat(write.header("Access-Control-Allow-Headers")).isEqualTo("content-type, x-api-key");
		var withoutKey = call("POST", "/api/reports", HttpRequest.BodyPublishers.ofString(secondReportFixture()),
				"Origin", DASHBOARD_ORIGIN, "Content-Type", "application/json");
		assertProblem(withoutKey, 401, "unauthorized");
		assertThat(withoutKey.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD_ORIGIN);
		var withKey = call("POST", "/api/reports", HttpRequest.BodyPublishers.ofString(secondReportFixture()), "Origin",
				DASHBOARD_ORIGIN, "Content-Type", "application/json", "X-API-Key", TEST_API_KEY);
		assertThat(withKey.status()).isEqualTo(201);
		assertThat(withKey.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD_ORIGIN);
		assertThat(withKey.header("Access-Control-Expose-Headers")).isEqualTo("ETag, Location, Retry-After");
	}

	@Test
	void aReadFromTheDashboardMayReadTheAnswerAndItsTag() {
		var answer = call("GET", "/api/themes", "Origin", DASHBOARD_ORIGIN);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD_ORIGIN);
		assertThat(answer.header("Access-Control-Expose-Headers")).contains("ETag");
		assertThat(answer.header("ETag")).isNotNull();
	}

	@Test
	void anotherOriginIsRefusedWithAProblemAndNoAllowOrigin() {
		var read = call("GET", "/api/themes", "Origin", "https://elsewhere.example");
		assertProblem(read, 403, "cors-refused");
		assertThat(read.header("Access-Control-Allow-Origin")).isNull();
		assertThat(read.header("Vary")).containsIgnoringCase("Origin");
		var preflight = call("OPTIONS", "/api/reports", "Origin", "https://elsewhere.example",
				"Access-Control-Request-Method", "POST");
		assertProblem(preflight, 403, "cors-refused");
		// A header the service does not take is refused even from the dashboard.
		assertProblem(call("OPTIONS", "/api/themes", "Origin", DASHBOARD_ORIGIN, "Access-Control-Request-Method", "GET",
				"Access-Control-Request-Headers", "x-something-else"), 403, "cors-refused");
		// The service's own pages are not cross-origin resources: no CORS handling there.
		assertThat(call("GET", "/actuator/health", "Origin", "https://elsewhere.example").status()).isEqualTo(200);
	}

	// HEAD and OPTIONS

	@Test
	void headAnswersWhereverGetDoesWithTheSameHeadersAndNoBody() {
		for (var path : List.of("/api/themes", "/api/stocks/1357.HK", EXPOSURE, "/api/reports/" + SEED_REPORT + "/text",
				"/api/search?q=sora", "/actuator/health", "/v3/api-docs")) {
			var get = call("GET", path);
			var head = call("HEAD", path);
			assertThat(head.status()).as(path).isEqualTo(200).isEqualTo(get.status());
			assertThat(head.header("Content-Type")).as(path).isEqualTo(get.header("Content-Type"));
			assertThat(head.header("ETag")).as(path).isEqualTo(get.header("ETag"));
			assertThat(head.bytes()).as(path).isEmpty();
		}
		assertThat(call("HEAD", "/api/themes/no-such-theme/stocks").status()).isEqualTo(404);
	}

	@Test
	void optionsNeedsNoCredentialsAndListsTheMethods() {
		var answer = call("OPTIONS", "/api/reports/" + SEED_REPORT);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Allow").split(",")).containsExactlyInAnyOrder("GET", "HEAD", "DELETE", "OPTIONS");
	}

	// Caching

	@Test
	void aReadCarriesATagThatRevalidatesWith304UntilTheGraphIsWritten() {
		var first = call("GET", EXPOSURE);
		var tag = first.header("ETag");
		assertThat(tag).matches("W/\"[A-Za-z0-9_-]{22}\"");
		assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
		assertThat(first.headers().allValues("Vary")).anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("accept"));
		assertThat(call("GET", EXPOSURE).header("ETag")).isEqualTo(tag);

		var unchanged = call("GET", EXPOSURE, "If-None-Match", tag);
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.bytes()).isEmpty();
		assertThat(unchanged.header("ETag")).isEqualTo(tag);
		assertThat(unchanged.header("Cache-Control")).isEqualTo("no-cache");
		// A list of tags, or the tag without its weak prefix, match too (RFC 9110 weak
		// comparison).
		assertThat(call("GET", EXPOSURE, "If-None-Match", "\"other\", " + tag).status()).isEqualTo(304);
		assertThat(call("GET", EXPOSURE, "If-None-Match", tag.substring(2)).status()).isEqualTo(304);

		// Each query string and each Accept is an answer of its own.
		assertThat(call("GET", EXPOSURE + "?limit=1").header("ETag")).isNotEqualTo(tag);
		assertThat(call("GET", EXPOSURE, "Accept", "application/json").header("ETag")).isNotEqualTo(tag);

		// A write made beside the service, on Bolt, changes every tag.
		neo4j.query("CREATE (n:HttpContractScratch) DELETE n").run();
		var changed = call("GET", EXPOSURE, "If-None-Match", tag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(tag);
		assertThat(changed.text()).isEqualTo(first.text());
		// A read changes nothing.
		assertThat(call("GET", EXPOSURE, "If-None-Match", changed.header("ETag")).status()).isEqualTo(304);

		// So does one through the API.
		var now = call("GET", "/api/reports").header("ETag");
		assertThat(call("POST", "/api/reports", HttpRequest.BodyPublishers.ofString(secondReportFixture()),
				"Content-Type", "application/json", "X-API-Key", TEST_API_KEY)
			.status()).isEqualTo(201);
		var after = call("GET", "/api/reports", "If-None-Match", now);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.text()).contains(FIXTURE);
	}

	@Test
	void problemsAndWritesAreNeverCached() {
		var notFound = call("GET", "/api/themes/no-such-theme/stocks");
		assertProblem(notFound, 404, "not-found");
		assertThat(notFound.header("ETag")).isNull();
		assertThat(notFound.header("Cache-Control")).contains("no-store");
		var badRequest = call("GET", "/api/stocks/3004599/exposure");
		assertThat(badRequest.status()).isEqualTo(400);
		assertThat(badRequest.header("ETag")).isNull();
		var write = call("POST", "/api/reports", HttpRequest.BodyPublishers.ofString(secondReportFixture()),
				"Content-Type", "application/json", "X-API-Key", TEST_API_KEY);
		assertThat(write.status()).isEqualTo(201);
		assertThat(write.header("ETag")).isNull();
		assertThat(write.header("Cache-Control")).contains("no-store");
	}

	// Compression

	@Test
	void aLargeAnswerIsGzippedForClientsThatAcceptIt() throws IOException {
		var plain = call("GET", EXPOSURE);
		assertThat(plain.header("Content-Encoding")).isNull();
		var gzipped = call("GET", EXPOSURE, "Accept-Encoding", "gzip, br");
		assertThat(gzipped.status()).isEqualTo(200);
		assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(gzipped.headers().allValues("Vary")).anyMatch(v -> v.contains("accept-encoding"));
		assertThat(gzipped.header("ETag")).isEqualTo(plain.header("ETag"));
		try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.bytes()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.text());
		}
		assertThat(plain.bytes().length).isGreaterThan(20_000);
		assertThat(gzipped.bytes().length).isLessThan(plain.bytes().length / 5);
		// Under 1 KB it is not worth it.
		var small = call("GET", "/api/stocks/1357.HK", "Accept-Encoding", "gzip");
		assertThat(small.bytes().length).isLessThan(1024);
		assertThat(small.header("Content-Encoding")).isNull();
	}

	// Download headers

	@Test
	void aStockCodeWithItsExchangeIsNoFileDownload() {
		for (var code : List.of("1357.HK", "300459.SZ", "600000.SH", "920000.BJ", "300459")) {
			var answer = call("GET", "/api/stocks/" + code);
			assertThat(answer.header("Content-Disposition")).as(code).isNull();
		}
		// Spring's protection against reflected file download still holds for anything
		// else that looks like a file.
		var file = call("GET", "/api/stocks/run.bat");
		assertProblem(file, 404, "not-found");
		assertThat(file.header("Content-Disposition")).isEqualTo("inline;filename=f.txt");
	}

	// Container errors

	@Test
	void aMethodAnEndpointDoesNotTakeIsA405ProblemWithAllow() {
		var answer = call("PUT", "/api/themes", HttpRequest.BodyPublishers.ofString("{}"), "Content-Type",
				"application/json", "X-API-Key", TEST_API_KEY);
		assertProblem(answer, 405, "method-not-allowed");
		assertThat(answer.header("Allow")).isEqualTo("GET");
		var delete = call("DELETE", "/api/themes/ai-video-tools/stocks", "X-API-Key", TEST_API_KEY);
		assertProblem(delete, 405, "method-not-allowed");
	}

	// Observability

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void everyWriteIsCountedAndLoggedWithTheKeyNameNotTheKey(CapturedOutput log) {
		double loaded = counter("themegraph_reports_loaded_total\\{outcome=\"new\"}");
		double refused = counter("themegraph_reports_refused_total\\{reason=\"invalid\"}");
		double deleted = counter("themegraph_reports_deleted_total");

		assertThat(call("POST", "/api/reports", HttpRequest.BodyPublishers.ofString(secondReportFixture()),
				"Content-Type", "application/json", "X-API-Key", TEST_API_KEY)
			.status()).isEqualTo(201);
		assertThat(call("POST", "/api/reports",
				HttpRequest.BodyPublishers.ofString("{\"kind\": \"report\", \"id\": \"test-fixture-refused\"}"),
				"Content-Type", "application/json", "X-API-Key", TEST_API_KEY)
			.status()).isEqualTo(400);
		assertThat(call("DELETE", "/api/reports/" + FIXTURE, "X-API-Key", TEST_API_KEY).status()).isEqualTo(204);
		// A refused document's id is the client's text: it cannot start a line of its
		// own.
		assertThat(call("POST", "/api/reports",
				HttpRequest.BodyPublishers.ofString("{\"kind\": \"report\", \"id\": \"x\\nreport write: forged\"}"),
				"Content-Type", "application/json", "X-API-Key", TEST_API_KEY)
			.status()).isEqualTo(400);

		assertThat(counter("themegraph_reports_loaded_total\\{outcome=\"new\"}")).isEqualTo(loaded + 1);
		assertThat(counter("themegraph_reports_refused_total\\{reason=\"invalid\"}")).isEqualTo(refused + 2);
		assertThat(counter("themegraph_reports_deleted_total")).isEqualTo(deleted + 1);
		assertThat(log.getOut()).contains("report write: action=load report=" + FIXTURE + " outcome=NEW by=writer")
			.contains("report write: action=load report=test-fixture-refused outcome=REFUSED by=writer")
			.contains("report write: action=delete report=" + FIXTURE + " outcome=DELETED by=writer")
			.contains("report=x?report write: forged outcome=REFUSED")
			.doesNotContain(TEST_API_KEY);
		// Request logging is off unless configured.
		assertThat(log.getOut()).doesNotContain("request: POST /api/reports");
	}

	@Test
	void prometheusShowsRequestTimingsPerEndpoint() {
		assertThat(call("GET", "/api/themes/ai-video-tools/stocks").status()).isEqualTo(200);
		var metrics = call("GET", "/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.header("Content-Type")).startsWith("text/plain");
		assertThat(metrics.text()).containsPattern(Pattern.compile(
				"http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\",uri=\"/api/themes/\\{id}/stocks\"} [1-9]"));
	}

	private double counter(String series) {
		var metrics = call("GET", "/actuator/prometheus").text();
		var matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

}
