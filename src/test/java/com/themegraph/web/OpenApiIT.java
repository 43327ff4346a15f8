package com.themegraph.web;

import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST contract a client generator reads, checked against the endpoints that really
 * exist and answer.
 */
class OpenApiIT extends GraphIT {

	/** The lists that answer text/csv too. */
	static final Set<String> CSV_LISTS = Set.of("GET /api/themes/{id}/stocks", "GET /api/technologies/{id}/stocks",
			"GET /api/stocks/{code}/exposure");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiEndpointIsDocumentedWithASummaryDescriptionAndExample() {
		var docs = apiDocs();
		var documented = new TreeSet<String>();
		docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
			var operation = op.getValue();
			var name = op.getKey().toUpperCase() + " " + path.getKey();
			documented.add(name);
			assertThat(operation.path("summary").asString()).as(name).isNotBlank();
			assertThat(operation.path("description").asString()).as(name).hasSizeGreaterThan(40);
			assertThat(operation.path("tags").size()).as(name).isEqualTo(1);
			var success = operation.path("responses")
				.properties()
				.stream()
				.filter(r -> r.getKey().startsWith("2"))
				.findFirst();
			assertThat(success).as(name + " documents its success answer").isPresent();
			var ok = success.get().getValue().path("content");
			if (success.get().getKey().equals("204")) {
				// No content, so no example to show.
				return;
			}
			var csv = CSV_LISTS.contains(name);
			assertThat(ok.propertyNames()).as(name).hasSize(csv ? 2 : 1);
			if (csv) {
				assertThat(ok.path("text/csv").path("schema").path("type").asString()).as(name).isEqualTo("string");
				// JSON listed first: a generated client sends the types in this order as
				// its Accept header, and the service answers the first.
				assertThat(ok.propertyNames().iterator().next()).as(name).isEqualTo("application/json");
			}
			var examples = ok.properties().iterator().next().getValue().path("examples");
			assertThat(examples.size()).as(name + " has an example").isEqualTo(1);
			var ref = examples.properties().iterator().next().getValue().path("$ref").asString();
			var example = docs.at("/components/examples/" + ref.replace("#/components/examples/", ""));
			assertThat(example.path("summary").asString()).as(name + " example " + ref)
				.startsWith(op.getKey().toUpperCase() + " /api/");
		}));
		assertThat(documented).isEqualTo(apiEndpoints());
	}

	@Test
	void errorsAreDocumentedAsProblemDetails() {
		var docs = apiDocs();
		var exposure = docs.path("paths").path("/api/stocks/{code}/exposure").path("get").path("responses");
		for (var status : new String[] { "400", "404", "503" }) {
			assertThat(exposure.path(status)
				.path("content")
				.path("application/problem+json")
				.path("schema")
				.path("$ref")
				.asString()).as(status).isEqualTo("#/components/schemas/Problem");
		}
		assertThat(docs.path("paths").path("/api/themes").path("get").path("responses").has("404")).isFalse();
		assertThat(docs.at("/components/schemas/Problem/properties").has("suggestions")).isTrue();
	}

	@Test
	void requestsWithABodyDocumentTheirLimits() {
		var docs = apiDocs();
		var extract = docs.path("paths").path("/api/reports/extract").path("post").path("responses");
		assertThat(extract.has("200")).isTrue();
		for (var status : new String[] { "408", "413", "422", "503" }) {
			assertThat(extract.path(status)
				.path("content")
				.path("application/problem+json")
				.path("schema")
				.path("$ref")
				.asString()).as(status).isEqualTo("#/components/schemas/Problem");
		}
		assertThat(extract.path("503").path("description").asString())
			.contains("themegraph.limits.extract.concurrency");
		var load = docs.path("paths").path("/api/reports").path("post").path("responses");
		assertThat(load.path("503").path("description").asString()).contains("themegraph.limits.upload.concurrency");
		assertThat(load.has("408")).isTrue();
		assertThat(docs.path("paths").path("/api/themes").path("get").path("responses").has("408")).isFalse();
	}

	/**
	 * Each example's summary is the request that gives it: the live answer to a GET must
	 * still have every field the example shows (the example may shorten lists), so it
	 * cannot go stale.
	 */
	@Test
	void everyExampleIsWhatTheApiAnswersToItsRequest() {
		var examples = apiDocs().path("components").path("examples");
		assertThat(examples.size()).isGreaterThanOrEqualTo(apiEndpoints().size());
		examples.properties().forEach(entry -> {
			var example = entry.getValue();
			if (!example.path("summary").asString().startsWith("GET ")) {
				return;
			}
			var request = example.path("summary").asString().replaceFirst("^GET ", "");
			var live = get(request);
			var value = example.path("value");
			if (value.isString()) {
				assertThat(live.status()).as(entry.getKey()).isEqualTo(200);
				assertThat(live.text()).as(entry.getKey()).startsWith(value.asString());
				return;
			}
			assertThat(live.body()).as(entry.getKey() + ": " + request).isNotNull();
			if (value.has("status")) {
				assertThat(live.status()).as(entry.getKey()).isEqualTo(value.path("status").asInt());
				assertThat(live.body()).as(entry.getKey()).isEqualTo(value);
				return;
			}
			assertThat(live.status()).as(entry.getKey()).isEqualTo(200);
			assertThat(fieldPaths(live.body(), "")).as(entry.getKey() + ": " + request)
				.containsAll(fieldPaths(value, ""));
			assertThat(value.size()).as(entry.getKey() + " shows something").isPositive();
		});
	}

	@Test
	void swaggerUiAnswers() {
		var ui = get("/swagger-ui/index.html");
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.contentType()).startsWith("text/html");
		assertThat(ui.text()).contains("Swagger UI");
		assertThat(get("/swagger-ui.html").status()).isEqualTo(302);
		var config = get("/v3/api-docs/swagger-config");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.body().path("url").asString()).isEqualTo("/v3/api-docs");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/nope", "/api/themes/ai-video-tools/nope", "/browser/nope.js", "/swagger-ui/nope.js",
			"/actuator/nope" })
	void unknownPathsAnywhereAnswer404Problems(String path) {
		var response = get(path);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("status").asInt()).isEqualTo(404);
		assertThat(response.body().path("instance").asString()).isEqualTo(path);
	}

	private JsonNode apiDocs() {
		var docs = get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().path("openapi").asString()).startsWith("3.");
		return docs.body();
	}

	/** What the service really serves under /api, as "GET /api/..." lines. */
	private Set<String> apiEndpoints() {
		var endpoints = new TreeSet<String>();
		mappings.getHandlerMethods()
			.keySet()
			.forEach(info -> info.getPatternValues()
				.stream()
				.filter(pattern -> pattern.startsWith("/api/"))
				.forEach(pattern -> info.getMethodsCondition()
					.getMethods()
					.forEach(method -> endpoints.add(method + " " + pattern))));
		return endpoints;
	}

	/**
	 * Every field as a path, list positions folded:
	 * {@code items[].paths[].steps[].quote}.
	 */
	private static Set<String> fieldPaths(JsonNode node, String prefix) {
		var paths = new TreeSet<String>();
		if (node.isObject()) {
			node.properties().forEach(field -> {
				paths.add(prefix + field.getKey());
				paths.addAll(fieldPaths(field.getValue(), prefix + field.getKey() + "."));
			});
		}
		else if (node.isArray()) {
			var items = new ArrayList<JsonNode>();
			node.forEach(items::add);
			items.forEach(item -> paths.addAll(fieldPaths(item, prefix.replaceFirst("\\.$", "") + "[].")));
		}
		return paths;
	}

}
