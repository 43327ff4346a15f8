package com.themegraph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	@Bean
	OpenAPI themeGraphOpenApi() {
		return new OpenAPI().info(new Info().title("ThemeGraph API")
			.version("1")
			.description("Which listed stocks link to a technology theme, and what a stock is exposed to, "
					+ "each answer with the broker report and the quoted sentence behind it. "
					+ "Errors are RFC 9457 problem details.")
			.license(new License().name("Data: quotations from the broker reports in seed-data/")));
	}

	@Bean
	OpenApiCustomizer examplesAndProblems() {
		var examples = loadExamples();
		return openApi -> {
			var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
			openApi.setComponents(components);
			examples.forEach(components::addExamples);
			components.addSchemas("Problem", problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				var ok = operation.getResponses()
					.entrySet()
					.stream()
					.filter(e -> e.getKey().startsWith("2"))
					.findFirst();
				if (ok.isPresent() && ok.get().getValue().getContent() != null
						&& examples.containsKey(operation.getOperationId())) {
					ok.get()
						.getValue()
						.getContent()
						.values()
						.forEach(media -> media.addExamples(operation.getOperationId(),
								new Example().$ref("#/components/examples/" + operation.getOperationId())));
				}
				addProblems(path, method, operation);
			}));
		};
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
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("suggestions",
					new ArraySchema().items(suggestion).description("On 404: the closest known ids, nearest first"));
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
