package com.themegraph.ingest;

import java.net.URI;

import com.themegraph.system.NotFoundException;
import tools.jackson.databind.JsonNode;

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
@RestController
@RequestMapping("/api/reports")
class ReportIngestController {

	private final IngestService loader;

	ReportIngestController(IngestService loader) {
		this.loader = loader;
	}

	/**
	 * 201 with Location for a new report; 200 for one already loaded, unchanged (nothing written)
	 * or updated (its own edges replaced). An invalid document answers 400 and writes nothing.
	 */
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

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!loader.delete(id)) {
			throw new NotFoundException("No report \"" + id + "\"", java.util.List.of());
		}
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

}
