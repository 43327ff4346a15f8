package com.themegraph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.themegraph.GraphIT;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as a linter and a client generator read it: swagger-parser's
 * validator (the parser OpenAPI Generator itself uses) finds no error in the live
 * {@code /v3/api-docs}, and the copy the build generates its test client from,
 * {@code docs/openapi.json}, is that very document.
 */
class OpenApiDocumentIT extends GraphIT {

	static final Path COMMITTED = Path.of("docs/openapi.json");

	@Test
	void theLiveDocumentValidatesWithoutAnyMessage() {
		var options = new ParseOptions();
		options.setResolve(true);
		var result = new OpenAPIV3Parser().readContents(get("/v3/api-docs").text(), null, options);
		assertThat(result.getOpenAPI()).isNotNull();
		assertThat(result.getMessages()).as("swagger-parser's validation messages").isEmpty();
	}

	@Test
	void docsOpenapiJsonIsTheLiveDocument() throws IOException {
		var live = get("/v3/api-docs").text();
		var json = JsonMapper.builder().build();
		// Written out on a difference, so updating the copy is one cp away.
		var fresh = Path.of("target/openapi.json");
		Files.writeString(fresh, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(live)) + "\n",
				StandardCharsets.UTF_8);
		assertThat(json.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8)))
			.as("docs/openapi.json is stale: cp target/openapi.json docs/openapi.json")
			.isEqualTo(json.readTree(live));
	}

	@Test
	void writesCarryBothSecuritySchemesAndEveryErrorIsAProblem() {
		var docs = get("/v3/api-docs").body();
		assertThat(docs.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");
		assertThat(docs.at("/components/securitySchemes/apiKey/in").asString()).isEqualTo("header");
		assertThat(docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
		var load = docs.at("/paths/~1api~1reports/post");
		assertThat(load.path("security").toString()).isEqualTo("[{\"apiKey\":[]},{\"basic\":[]}]");
		assertThat(docs.at("/paths/~1api~1reports~1{id}/delete/security").size()).isEqualTo(2);
		assertThat(docs.at("/paths/~1api~1reports/get").has("security")).isFalse();
		assertThat(docs.at("/paths/~1api~1reports~1extract/post").has("security")).isFalse();
		assertThat(load.at("/requestBody/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/ReportDocument");
		assertThat(docs.at("/components/schemas/ReportDocument/properties/kind/enum/0").asString()).isEqualTo("report");
		assertThat(docs.at("/components/examples/reportDocument/value/id").asString()).isEqualTo(SEED_REPORT);
		var extract = docs.at("/paths/~1api~1reports~1extract/post");
		assertThat(extract.at("/requestBody/content").propertyNames()).containsExactly("text/plain", "application/pdf");
		assertThat(extract.at("/requestBody/content/application~1pdf/schema/format").asString()).isEqualTo("binary");
		assertThat(extract.at("/requestBody/content/text~1plain/example").asString()).contains("【万兴科技，美图公司】");
		assertThat(extract.has("parameters")).as("no Content-Type parameter").isFalse();
		for (var status : new String[] { "400", "401", "408", "413", "415", "503", "507" }) {
			assertThat(load.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asString())
				.as(status)
				.isEqualTo("#/components/schemas/Problem");
		}
		docs.path("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(operation -> operation.getValue().path("responses").properties().forEach(response -> {
					if (response.getKey().compareTo("400") >= 0) {
						assertThat(response.getValue().path("content").propertyNames())
							.as(operation.getKey() + " " + path.getKey() + " " + response.getKey())
							.containsExactly("application/problem+json");
					}
				})));
	}

}
