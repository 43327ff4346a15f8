package com.themegraph.report;

import com.themegraph.ingest.IngestService;
import com.themegraph.ingest.InvalidDocumentException;
import com.themegraph.ingest.LoadResult;
import com.themegraph.ingest.Violation;
import java.net.URI;

import com.themegraph.graph.NotFoundException;
import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Adds, replaces and removes reports. Every request here needs the writer's credentials. */
@Tag(name = "Reports", description = "The broker research reports the graph is built from")
@RestController
@RequestMapping("/api/reports")
class ReportIngestController {

	static final String INSUFFICIENT_STORAGE = "The graph store's disk is below its minimum free space "
			+ "(THEMEGRAPH_MIN_FREE_SPACE), or filled up; nothing written. Reads go on while the disk is only low.";

	private final IngestService loader;

	ReportIngestController(IngestService loader) {
		this.loader = loader;
	}

	/**
	 * 201 with Location for a new report; 200 for one already loaded, unchanged (nothing written)
	 * or updated (its own edges replaced). An invalid document answers 400 and writes nothing; a
	 * disk below the store's minimum free space, 507.
	 */
	@Operation(operationId = "loadReport", summary = "Add or replace a report (needs the API key)",
			description = "Loads one report document (docs/report-format.md, seed-data/schema/report.schema.json) in one "
					+ "transaction. 201 with Location for a new report; 200 with outcome UNCHANGED when the same content "
					+ "is already loaded (nothing written) or UPDATED when its content changed (its own edges replaced, "
					+ "other reports' left alone). An invalid document answers 400 listing every violation with its JSON "
					+ "pointer, and writes nothing. Needs the X-API-Key header or HTTP Basic (user writer, the key as "
					+ "password); otherwise 401.")
	@ApiResponse(responseCode = "201", description = "A new report, loaded")
	@ApiResponse(responseCode = "200", description = "Already loaded: unchanged, or updated")
	@ApiResponse(responseCode = "401", description = "Credentials missing or wrong; nothing written")
	@ApiResponse(responseCode = "507", description = INSUFFICIENT_STORAGE,
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LoadResult> load(@RequestBody JsonNode document) {
		if (!"report".equals(document.path("kind").asString(""))) {
			throw new InvalidDocumentException("request body",
					java.util.List.of(new Violation("/kind", "must be \"report\": this endpoint loads report documents")));
		}
		var result = loader.load(document, "request body");
		if (result.outcome() == LoadResult.Outcome.NEW) {
			return ResponseEntity.created(URI.create("/api/reports/" + result.id())).body(result);
		}
		return ResponseEntity.ok(result);
	}

	@Operation(operationId = "deleteReport", summary = "Remove a report (needs the API key)",
			description = "Removes the report, every relationship it contributed, and the nodes only it had defined; "
					+ "entities from entity files and other reports' edges stay. 204 when removed, 404 when there is "
					+ "no such report, 401 without credentials.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "507", description = INSUFFICIENT_STORAGE,
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!loader.delete(id)) {
			throw new NotFoundException("No report \"" + id + "\"", java.util.List.of());
		}
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

}
