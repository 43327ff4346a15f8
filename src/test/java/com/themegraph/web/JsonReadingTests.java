package com.themegraph.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The JSON every document is read with: a duplicate property and bytes that are not
 * well-formed UTF-8 are refused with the JSON pointer of where they stand; what Jackson's
 * defaults read (the last duplicate wins; an overlong {@code C0 AF} is {@code /}) is
 * shown with a mapper built without {@link JsonReading}, so the test fails if the strict
 * factory is dropped.
 */
class JsonReadingTests {

	private final JsonMapper strict = JsonMapper.builder(JsonReading.strictFactory()).build();

	@Test
	void aDuplicatePropertyIsRefusedAtItsPointer() {
		var document = """
				{"kind": "report", "published": {"earliest": "2024-01-01", "earliest": "2025-01-01"}}""";
		assertThat(JsonMapper.builder().build().readTree(document).path("published").path("earliest").asString())
			.as("Jackson's default: the last one wins")
			.isEqualTo("2025-01-01");
		var refused = catchThrowableOfType(StreamReadException.class, () -> strict.readTree(document));
		assertThat(refused.getOriginalMessage()).isEqualTo("Duplicate Object property \"earliest\"");
		assertThat(refused.processor().streamReadContext().pathAsPointer().toString()).isEqualTo("/published/earliest");
	}

	@ParameterizedTest
	@ValueSource(strings = { "C0AF", "E080AF", "EDA080", "F4908080", "FF", "C3" })
	void bytesThatAreNotWellFormedUtf8AreRefusedAtTheirPointer(String hex) {
		var bytes = concat("{\"kind\": \"report\", \"title\": \"a", hex, "b\"}");
		var refused = catchThrowableOfType(JsonReading.MalformedUtf8Exception.class, () -> strict.readTree(bytes));
		assertThat(refused.pointer()).isEqualTo("/title");
		assertThat(refused.getOriginalMessage()).startsWith("The bytes are not well-formed UTF-8 at byte 30 ");
	}

	@Test
	void anOverlongSlashWasReadAsASlashByDefault() {
		var bytes = concat("{\"title\": \"a", "C0AF", "b\"}");
		assertThat(JsonMapper.builder().build().readTree(bytes).path("title").asString()).isEqualTo("a/b");
	}

	@Test
	void wellFormedUtf8IsReadAsBefore() {
		var bytes = "{\"title\": \"汤姆猫 😀 /\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(strict.readTree(bytes).path("title").asString()).isEqualTo("汤姆猫 😀 /");
		assertThat(strict.readTree(new java.io.ByteArrayInputStream(bytes)).path("title").asString())
			.isEqualTo("汤姆猫 😀 /");
	}

	@Test
	void javaNamesAreTakenOutOfParserMessages() {
		assertThat(UnreadableBodies.clean("Cannot construct instance of `tools.jackson.databind.JsonNode` (x)\n more"))
			.isEqualTo("Cannot construct instance of a value (x)");
	}

	private static byte[] concat(String before, String hex, String after) {
		var out = new java.io.ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(java.util.HexFormat.of().parseHex(hex));
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
