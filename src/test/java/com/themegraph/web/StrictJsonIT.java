package com.themegraph.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON bodies exactly as strict as the contract (issue 27): a duplicate property, bytes
 * that are not well-formed UTF-8, a date that is no day of the calendar and a publication
 * range out of order are refused, each as a problem with its JSON pointer, and
 * {@code POST /api/reports/validate} and {@code POST /api/reports} agree on every case
 * (the probes found the last duplicate winning and validate calling it valid, and an
 * overlong {@code C0 AF} stored as {@code /}). Nothing is written.
 */
class StrictJsonIT extends GraphIT {

	static final String FIXTURE = secondReportFixture();

	static final String TITLE = "\"title\": \"测试周报（TEST FIXTURE，非真实研报）\"";

	private Response validate(byte[] body) {
		return sendBytes("POST", "/api/reports/validate", "application/json", body);
	}

	private Response load(byte[] body) {
		return sendBytes("POST", "/api/reports", "application/json", body, "X-API-Key", TEST_API_KEY);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Both endpoints answer exactly this 400 problem, and the graph is unchanged. */
	private void assertBothRefuse(byte[] body, String type, String pointer, String message) {
		var before = snapshot();
		for (var answer : new Response[] { validate(body), load(body) }) {
			assertThat(answer.status()).as(answer.text()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.body().path("type").asString()).isEqualTo("https://themegraph.example/problems/" + type);
			assertThat(answer.body().path("violations").size()).as(answer.text()).isEqualTo(1);
			assertThat(answer.body().path("violations").get(0).path("pointer").asString()).isEqualTo(pointer);
			assertThat(answer.body().path("violations").get(0).path("message").asString()).startsWith(message);
		}
		assertSameGraph(snapshot(), before, "the graph");
	}

	@Test
	void aDuplicatePropertyIsRefusedWithItsPointerByBoth() {
		assertBothRefuse(
				utf8(FIXTURE.replaceFirst("\"kind\": \"report\",", "\"kind\": \"report\", \"kind\": \"report\",")),
				"unreadable", "/kind", "Duplicate Object property \"kind\"");
		assertBothRefuse(
				utf8(FIXTURE.replace("\"precision\": \"day\",", "\"precision\": \"day\", \"precision\": \"month\",")),
				"unreadable", "/published/precision", "Duplicate Object property \"precision\"");
		var refused = validate(
				utf8(FIXTURE.replaceFirst("\"kind\": \"report\",", "\"kind\": \"report\", \"kind\": \"report\",")));
		assertThat(refused.body().path("title").asString()).isEqualTo("Unreadable request body");
		assertThat(refused.body().path("detail").asString()).startsWith(
				"The body is not a readable JSON document: Duplicate Object property \"kind\" (line 2, column ");
	}

	/**
	 * Overlong forms of '/', an encoded surrogate, a code point past U+10FFFF, and
	 * others.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "C0AF", "E080AF", "F08080AF", "EDA080", "F4908080", "FF", "80" })
	void bytesThatAreNotWellFormedUtf8AreRefusedWithTheirPointerByBoth(String hex) {
		var at = FIXTURE.indexOf(TITLE) + TITLE.length() - 1;
		var body = new ByteArrayOutputStream();
		body.writeBytes(utf8(FIXTURE.substring(0, at)));
		body.writeBytes(HexFormat.of().parseHex(hex));
		body.writeBytes(utf8(FIXTURE.substring(at)));
		assertBothRefuse(body.toByteArray(), "unreadable", "/title",
				"The bytes are not well-formed UTF-8 at byte " + utf8(FIXTURE.substring(0, at)).length + " ");
	}

	@Test
	void aDateThatIsNoDayOfTheCalendarIsRefusedByBoth() {
		var body = FIXTURE.replace("\"earliest\": \"2024-04-01\"", "\"earliest\": \"2025-02-29\"")
			.replace("\"latest\": \"2024-04-01\"", "\"latest\": \"2025-02-30\"");
		var validated = validate(utf8(body));
		assertThat(validated.status()).isEqualTo(200);
		assertThat(validated.body().path("valid").asBoolean()).isFalse();
		assertThat(validated.body().path("violations").findValuesAsString("pointer"))
			.containsExactly("/published/earliest", "/published/latest");
		assertThat(validated.body().path("violations").get(0).path("message").asString())
			.isEqualTo("is not a day of the calendar: 2025-02-29 (YYYY-MM-DD, a day the month has)");
		var before = snapshot();
		var loaded = load(utf8(body));
		assertThat(loaded.status()).isEqualTo(400);
		assertThat(loaded.body().path("type").asString())
			.isEqualTo("https://themegraph.example/problems/invalid-document");
		assertThat(loaded.body().path("violations")).isEqualTo(validated.body().path("violations"));
		assertSameGraph(snapshot(), before, "the graph");
		// A leap day is a day.
		var leap = FIXTURE.replace("\"earliest\": \"2024-04-01\"", "\"earliest\": \"2024-02-29\"");
		assertThat(validate(utf8(leap)).body().path("valid").asBoolean()).isTrue();
	}

	@Test
	void aPublicationRangeThatEndsBeforeItStartsIsRefusedByBoth() {
		var body = FIXTURE.replace("\"earliest\": \"2024-04-01\"", "\"earliest\": \"2024-04-02\"");
		var validated = validate(utf8(body));
		assertThat(validated.body().path("valid").asBoolean()).isFalse();
		assertThat(validated.body().path("violations").findValuesAsString("pointer"))
			.containsExactly("/published/latest");
		assertThat(validated.body().path("violations").get(0).path("message").asString())
			.isEqualTo("must not end before earliest: earliest is 2024-04-02, latest 2024-04-01");
		var before = snapshot();
		var loaded = load(utf8(body));
		assertThat(loaded.status()).isEqualTo(400);
		assertThat(loaded.body().path("violations")).isEqualTo(validated.body().path("violations"));
		assertSameGraph(snapshot(), before, "the graph");
		// A month as the earliest and a day in it as the latest overlap: in order.
		var month = FIXTURE.replace("\"earliest\": \"2024-04-01\"", "\"earliest\": \"2024-04\"");
		assertThat(validate(utf8(month)).body().path("violations").findValuesAsString("pointer"))
			.doesNotContain("/published/latest");
	}

	@Test
	void anEmptyBodyIsSaidInWordsWithoutJavaNames() {
		for (var path : new String[] { "/api/reports/validate", "/api/reports" }) {
			var empty = sendBytes("POST", path, "application/json", new byte[0], "X-API-Key", TEST_API_KEY);
			assertThat(empty.status()).isEqualTo(400);
			assertThat(empty.contentType()).startsWith("application/problem+json");
			assertThat(empty.body().path("type").asString())
				.isEqualTo("https://themegraph.example/problems/unreadable");
			assertThat(empty.body().path("detail").asString())
				.isEqualTo("The body is empty: send a JSON document (a report document or an entity file, "
						+ "docs/report-format.md) as application/json in UTF-8");
			assertThat(empty.text()).doesNotContain("com.themegraph", "java.", "tools.jackson", "JsonNode");
		}
	}

}
