package com.themegraph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The REST contract at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}).
 * Each operation's success answer shows the example named by its operation id, from
 * {@code openapi/examples/<operationId>.json}: an OpenAPI Example object holding a real
 * answer over the seed data (lists shortened), whose {@code summary} is the request that
 * gives it, so OpenApiIT can replay every GET example against the live API. Error answers
 * are the problem details {@link ApiExceptionHandler} writes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String EXAMPLES = "classpath:openapi/examples/*.json";

	private static final String PROBLEM = "application/problem+json";

	private static final String COMPONENT_SCHEMAS = "#/components/schemas/";

	private static final String CSV = "text/csv";

	static final String REPORT_DOCUMENT = "ReportDocument";

	/** Names the {@code $defs} of {@code common.schema.json} as components. */
	static final String DOCUMENT_PREFIX = "Document.";

	private static final String REPORT_DOCUMENT_EXAMPLE = "reportDocument";

	private static final String SEED_REPORT = "tebon-2024-03-sora";

	private static final String EXTRACT = "/api/reports/extract";

	static final String API_KEY = "apiKey";

	static final String BASIC = "basic";

	/** An invented report's opening, in the layout of a Chinese broker report. */
	private static final String EXTRACT_EXAMPLE = """
			示例证券 传媒行业周报
			评级：优于大市（维持）

			证券分析师 张示例 资格编号：S0000000000009

			我们认为，Sora 等视频生成模型持续迭代，AI 视频工具有望加速落地。
			建议关注 AI 视频技术与工具相关公司：【万兴科技，美图公司】等。
			风险提示：技术发展不及预期。
			""";

	@Bean
	OpenAPI themeGraphOpenApi() {
		// A fixed server, not the address of whichever request asked: the document is
		// then
		// the same on every start, so docs/openapi.json can be compared with it.
		return new OpenAPI()
			.servers(List.of(new Server().url("http://localhost:8080")
				.description("bin/run's default address; a generated client sets its own")))
			.info(new Info().title("ThemeGraph API")
				.version("1")
				.description("Which listed stocks link to a technology theme, and what a stock is exposed to, "
						+ "each answer with the broker report and the quoted sentence behind it. "
						+ "Errors are RFC 9457 problem details. Data: quotations from the broker reports in seed-data/."));
	}

	@Bean
	OpenApiCustomizer examplesAndProblems() {
		var examples = loadExamples();
		var documentSchemas = documentSchemas();
		var seedReport = seedReport();
		return openApi -> {
			var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
			openApi.setComponents(components);
			examples.forEach(components::addExamples);
			components.addSchemas("Problem", problemSchema());
			documentSchemas.forEach(components::addSchemas);
			components.addExamples(REPORT_DOCUMENT_EXAMPLE, seedReport);
			components.addSecuritySchemes(API_KEY,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("X-API-Key")
						.description("The writer's key (THEMEGRAPH_API_KEY)"));
			components.addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("User writer, the writer's key as password"));
			// What springdoc derived from the controllers' signatures for the bodies and
			// the
			// Content-Type parameter replaced below: nothing refers to them any more.
			components.getSchemas().remove("JsonNode");
			components.getSchemas().remove("MediaType");
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				dropContentTypeParameter(operation);
				requestBody(path, method, operation);
				if (method != PathItem.HttpMethod.GET && !path.equals(EXTRACT)) {
					// Writes: either scheme, so Swagger UI's Authorize fills in whichever
					// the user gives.
					operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY),
							new SecurityRequirement().addList(BASIC)));
					operation.getResponses()
						.addApiResponse("401", problem("Credentials missing or wrong; nothing written", null));
				}
				var ok = operation.getResponses()
					.entrySet()
					.stream()
					.filter(e -> e.getKey().startsWith("2"))
					.findFirst();
				if (ok.isPresent() && ok.get().getValue().getContent() != null) {
					var content = ok.get().getValue().getContent();
					// JSON first: a generated client sends the types in this order as its
					// Accept header, and the service answers the first it lists.
					var csv = content.remove(CSV);
					if (csv != null) {
						content.addMediaType(CSV, csv);
					}
					content.forEach((type, media) -> {
						if (type.equals(CSV)) {
							media.setSchema(new StringSchema().description("RFC 4180 CSV in UTF-8, led by a byte order "
									+ "mark; the first record names the columns"));
						}
						else if (examples.containsKey(operation.getOperationId())) {
							media.addExamples(operation.getOperationId(),
									new Example().$ref("#/components/examples/" + operation.getOperationId()));
						}
					});
				}
				addProblems(path, method, operation);
				operation.getResponses().forEach((status, response) -> {
					if (status.startsWith("4") || status.startsWith("5")) {
						problemContent(response);
					}
				});
			}));
		};
	}

	/**
	 * springdoc shows the {@code Content-Type} header a controller reads as a parameter;
	 * it is the request body's media type, which the request body already says.
	 */
	private static void dropContentTypeParameter(Operation operation) {
		if (operation.getParameters() == null) {
			return;
		}
		operation.getParameters()
			.removeIf(parameter -> "header".equals(parameter.getIn())
					&& HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(parameter.getName()));
		if (operation.getParameters().isEmpty()) {
			operation.setParameters(null);
		}
	}

	/**
	 * The bodies as they really are: a report document (its JSON Schema, not the
	 * {@code JsonNode} the controller reads it into), and a report's text, which the
	 * extract controller reads from the stream itself.
	 */
	private static void requestBody(String path, PathItem.HttpMethod method, Operation operation) {
		if (method != PathItem.HttpMethod.POST) {
			return;
		}
		if (path.equals("/api/reports")) {
			operation.setRequestBody(new RequestBody().required(true)
				.description("A report document (docs/report-format.md), UTF-8 JSON")
				.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
						new MediaType().schema(new Schema<>().$ref(COMPONENT_SCHEMAS + REPORT_DOCUMENT))
							.addExamples(REPORT_DOCUMENT_EXAMPLE,
									new Example().$ref("#/components/examples/" + REPORT_DOCUMENT_EXAMPLE)))));
		}
		else if (path.equals("/api/reports/validate")) {
			// Springdoc refers to a JsonNode schema it never defines; the body is any
			// JSON
			// object, checked against the report or entity file schema by its kind.
			operation.setRequestBody(new RequestBody().required(true)
				.description("A report document or an entity file (seed-data/schema/), UTF-8 JSON")
				.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
						new MediaType().schema(new ObjectSchema())
							.addExamples(REPORT_DOCUMENT_EXAMPLE,
									new Example().$ref("#/components/examples/" + REPORT_DOCUMENT_EXAMPLE)))));
		}
		else if (path.equals(EXTRACT)) {
			operation.setRequestBody(new RequestBody().required(true)
				.description("A report's text: plain text in UTF-8 (or the charset the Content-Type names), or the "
						+ "report as a PDF")
				.content(new Content()
					.addMediaType(org.springframework.http.MediaType.TEXT_PLAIN_VALUE,
							new MediaType().schema(new StringSchema()).example(EXTRACT_EXAMPLE))
					.addMediaType(org.springframework.http.MediaType.APPLICATION_PDF_VALUE,
							new MediaType().schema(new StringSchema().format("binary")))));
		}
	}

	/** An error answer's body: always problem details. */
	private static void problemContent(ApiResponse response) {
		if (response.get$ref() != null) {
			return;
		}
		if (response.getContent() == null || response.getContent().isEmpty()
				|| !response.getContent().containsKey(PROBLEM)) {
			var media = response.getContent() == null ? null : response.getContent().values().iterator().next();
			response.setContent(new Content().addMediaType(PROBLEM,
					new MediaType().schema(new Schema<>().$ref(COMPONENT_SCHEMAS + "Problem"))
						.examples(media == null ? null : media.getExamples())));
		}
	}

	private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
		var responses = operation.getResponses();
		boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
		if (hasParameters && !responses.containsKey("400")) {
			responses.addApiResponse("400", problem("A malformed code or parameter", "problem-bad-request"));
		}
		if (path.contains("{") && !responses.containsKey("404")) {
			responses.addApiResponse("404",
					problem("No such id or code; suggestions lists the closest known ones", "problem-not-found"));
		}
		// By method: springdoc sees no request body where a controller reads the stream
		// itself (extract).
		boolean hasBody = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
				|| method == PathItem.HttpMethod.PATCH;
		if (hasBody && !responses.containsKey("400")) {
			responses.addApiResponse("400", problem(
					"The body is invalid: violations lists each fault with its JSON pointer; nothing written", null));
		}
		if (hasBody && !responses.containsKey("413")) {
			responses.addApiResponse("413",
					problem("The body is larger than themegraph.limits.max-request-size; nothing read", null));
		}
		if (hasBody && !responses.containsKey("415")) {
			responses.addApiResponse("415",
					problem("The body's Content-Type is not one this operation reads, or names a charset other than "
							+ "UTF-8 for JSON", null));
		}
		if (hasBody && !responses.containsKey("408")) {
			responses.addApiResponse("408",
					problem("The body was still arriving past themegraph.limits.upload.body-timeout, "
							+ "or stopped arriving for the read timeout; the connection is closed", null));
		}
		if (!responses.containsKey("503")) {
			responses.addApiResponse("503",
					problem(hasBody ? "The graph store cannot be reached, or as many requests with a body as "
							+ "themegraph.limits.upload.concurrency allows are already in progress (Retry-After says when to "
							+ "try again)" : "The graph store cannot be reached; try again shortly", null));
		}
	}

	private static ApiResponse problem(String description, String example) {
		var media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
		if (example != null) {
			media.addExamples(example, new Example().$ref("#/components/examples/" + example));
		}
		return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM, media));
	}

	private static Schema<?> problemSchema() {
		var suggestion = new ObjectSchema().addProperty("id", new StringSchema())
			.addProperty("name", new StringSchema());
		var violation = new ObjectSchema().addProperty("pointer", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("suggestions",
					new ArraySchema().items(suggestion).description("On 404: the closest known ids, nearest first"))
			.addProperty("parameters",
					new ArraySchema().items(new StringSchema())
						.description("On a bad parameter: the request parameters at fault"))
			.addProperty("violations", new ArraySchema().items(violation)
				.description("On an invalid report document: every fault, with its JSON pointer"));
	}

	/**
	 * The report document's JSON Schema ({@code seed-data/schema/report.schema.json} and
	 * the {@code $defs} of {@code common.schema.json} it refers to), as OpenAPI schemas:
	 * the same rules the loader checks, so a generated client builds documents the
	 * service accepts. Generators read {@code const} poorly and the document needs no
	 * {@code $id} or {@code $schema}: a {@code const} becomes a one-value string
	 * {@code enum}, the others go, and each {@code $ref} into {@code common.schema.json}
	 * points at its component.
	 */
	private static Map<String, Schema> documentSchemas() {
		var schemas = new TreeMap<String, Schema>();
		var common = openApiSchema(readJson("classpath:seed-data/schema/common.schema.json"));
		common.path("$defs")
			.properties()
			.forEach(def -> schemas.put(DOCUMENT_PREFIX + def.getKey(),
					Json.mapper().convertValue(def.getValue(), Schema.class)));
		var report = openApiSchema(readJson("classpath:seed-data/schema/report.schema.json"));
		schemas.put(REPORT_DOCUMENT, Json.mapper().convertValue(report, Schema.class));
		return schemas;
	}

	private static JsonNode openApiSchema(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.remove("$schema");
			object.remove("$id");
			if (object.has("const")) {
				object.set("enum", Json.mapper().createArrayNode().add(object.remove("const")));
			}
			// Said outright: swagger's schema reader takes a schema without a type for an
			// object, and a generator then types the enum's values as objects.
			if (object.has("enum") && !object.has("type")) {
				object.put("type", "string");
			}
			if (object.has("$ref")) {
				object.put("$ref",
						object.get("$ref")
							.asText()
							.replaceFirst("^(common\\.schema\\.json)?#/\\$defs/", COMPONENT_SCHEMAS + DOCUMENT_PREFIX));
			}
			object.properties().forEach(field -> openApiSchema(field.getValue()));
		}
		else if (node != null && node.isArray()) {
			node.forEach(OpenApiConfiguration::openApiSchema);
		}
		return node;
	}

	/** The seed report, the example body of {@code POST /api/reports}. */
	private static Example seedReport() {
		return new Example().summary("POST /api/reports: the seed report's document")
			.description("seed-data/reports/" + SEED_REPORT + ".json, as loaded at start-up")
			.value(readJson("classpath:seed-data/reports/" + SEED_REPORT + ".json"));
	}

	private static JsonNode readJson(String location) {
		try (var in = new PathMatchingResourcePatternResolver().getResource(location).getInputStream()) {
			return Json.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location, ex);
		}
	}

	private static Map<String, Example> loadExamples() {
		var examples = new TreeMap<String, Example>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(EXAMPLES)) {
				try (var in = resource.getInputStream()) {
					examples.put(resource.getFilename().replaceFirst("\\.json$", ""),
							Json.mapper().readValue(in, Example.class));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the OpenAPI examples " + EXAMPLES, ex);
		}
		return examples;
	}

}
