package com.themegraph.report;

import java.util.List;

import com.themegraph.ingest.DocumentSchemas;
import com.themegraph.ingest.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/reports/validate}: a report document in, every way it breaks the JSON
 * Schema out, writing nothing. The web page's review step calls it as the analyst edits a
 * draft: no JSON Schema 2020-12 validator is served as a WebJar here (Ajv's WebJar has no
 * browser build), and asking the service means the page applies the very schema the
 * loader does.
 */
@Tag(name = ReportController.TAG, description = ReportController.TAG_DESCRIPTION)
@RestController
class ValidateController {

	private final DocumentSchemas schemas;

	ValidateController(DocumentSchemas schemas) {
		this.schemas = schemas;
	}

	@Operation(operationId = "validateReport", summary = "Check a document against the JSON Schema",
			description = "Checks a report document (or entity file) against seed-data/schema/ (served at /schema/) and "
					+ "answers 200 with valid and every violation as a JSON pointer and message. Writes nothing, so it "
					+ "needs no credentials. It checks the schema only: names the graph lacks are found by POST "
					+ "/api/reports, which answers 400 for them.")
	@PostMapping(path = "/api/reports/validate", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Validation validate(@RequestBody JsonNode document) {
		var violations = document.isObject() ? schemas.validate(document)
				: List.of(new Violation("", "must be a JSON object, was " + document.getNodeType()));
		return new Validation(violations.isEmpty(), violations);
	}

	/**
	 * What validation found.
	 *
	 * @param valid whether the document conforms
	 * @param violations each violation: a JSON pointer into the document and a message
	 */
	record Validation(boolean valid, List<Violation> violations) {
	}

}
