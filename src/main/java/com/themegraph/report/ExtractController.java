package com.themegraph.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import com.themegraph.extract.Budget;
import com.themegraph.extract.ExtractionSlots;
import com.themegraph.extract.ExtractionStoppedException;
import com.themegraph.extract.PdfRefusedException;
import com.themegraph.extract.PdfReports;
import com.themegraph.extract.PdfText;
import com.themegraph.extract.ReportExtractor;
import com.themegraph.graph.BadRequestException;
import com.themegraph.graph.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/reports/extract}: a report's plain text in, a draft report document
 * out. It writes nothing, so it asks for no credentials; the draft is loaded only when a
 * person has reviewed it and posts it to {@code /api/reports}.
 */
@Tag(name = ReportController.TAG, description = ReportController.TAG_DESCRIPTION)
@RestController
class ExtractController {

	/** Reports run to a few hundred kilobytes of text; more than this is not a report. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	/**
	 * A PDF report with its charts runs to a few megabytes; this is the default request
	 * size limit (themegraph.limits.max-request-size), which applies first when set
	 * lower.
	 */
	static final int MAX_PDF_BYTES = 8 * 1024 * 1024;

	private final ReportExtractor extractor;

	private final PdfReports pdfReports;

	private final ExtractionSlots slots;

	ExtractController(ReportExtractor extractor, PdfReports pdfReports, ExtractionSlots slots) {
		this.extractor = extractor;
		this.pdfReports = pdfReports;
		this.slots = slots;
	}

	@Operation(operationId = "extractReport", summary = "Draft a report document from plain text or a PDF",
			description = "Turns a report's plain text (text/plain, UTF-8, at most 2 MB), or the report as a PDF "
					+ "(application/pdf, the file's bytes, at most 8 MB, read in reading order: columns one after the "
					+ "other), into a draft report document for a person to review: broker, title, rating, analysts, cited reports, risks, the recommended "
					+ "companies under their group headings resolved to codes through the graph's names and aliases, "
					+ "and every known entity mentioned with its sentence. What needs review is listed under review. "
					+ "Writes nothing, so it needs no credentials. An extraction that runs past its time budget "
					+ "(themegraph.limits.extract.timeout) is stopped and answered 422; when as many extractions as "
					+ "allowed (themegraph.limits.extract.concurrency) are already running, the answer is 503 with "
					+ "Retry-After. A PDF that is damaged, password-protected or has no text layer (a scan) answers "
					+ "400 or 422 saying which.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "The report: its plain text, or its PDF file",
					content = { @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
							@Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
									schema = @Schema(type = "string", format = "binary")) }))
	// Declared, since springdoc drops the answer it derives from the return type once any
	// answer is declared.
	@ApiResponse(responseCode = "200",
			description = "The draft report document, with what a person must still do under review",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
	@ApiResponse(responseCode = "400",
			description = "The body is empty, not valid text in its charset, or a PDF that is damaged "
					+ "(pdf-unreadable) or password-protected (pdf-encrypted)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "413", description = "The text is over 2 MB, or the PDF over 8 MB",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "422",
			description = "The extraction ran past themegraph.limits.extract.timeout and was stopped, or the PDF has no "
					+ "text layer (pdf-no-text: a scan, to be read by OCR first)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "503",
			description = "As many extractions as themegraph.limits.extract.concurrency allows are running, or as many "
					+ "requests with a body as themegraph.limits.upload.concurrency allows (Retry-After says when to try "
					+ "again); or the graph store cannot be reached",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@PostMapping(path = "/api/reports/extract",
			consumes = { MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_PDF_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	JsonNode extract(InputStream body,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType)
			throws IOException {
		var bytes = body.readNBytes(MAX_PDF_BYTES + 1);
		// A PDF is known by its magic bytes too: a PDF sent as text/plain is read as the
		// PDF it is, not refused as text that is not UTF-8.
		boolean pdf = MediaType.APPLICATION_PDF.equalsTypeAndSubtype(contentType) || PdfText.isPdf(bytes);
		if (pdf) {
			return extractPdf(bytes);
		}
		checkSize(bytes);
		var text = decode(bytes, contentType == null || contentType.getCharset() == null ? StandardCharsets.UTF_8
				: contentType.getCharset());
		if (text.isBlank()) {
			throw new BadRequestException(
					"The body is empty: send the report's plain text (Content-Type: text/plain; charset=UTF-8)");
		}
		return run(budget -> extractor.extract(text, budget));
	}

	private JsonNode extractPdf(byte[] bytes) {
		if (bytes.length == 0) {
			throw new BadRequestException(
					"The body is empty: send the report's PDF file (Content-Type: application/pdf)");
		}
		if (bytes.length > MAX_PDF_BYTES) {
			var problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "PDF too large",
					"The PDF is over " + MAX_PDF_BYTES / (1024 * 1024) + " MB; send one report at a time");
			throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
		}
		try {
			return run(budget -> pdfReports.extract(bytes, budget));
		}
		catch (PdfRefusedException ex) {
			var status = switch (ex.reason()) {
				case NOT_PDF, DAMAGED, ENCRYPTED -> HttpStatus.BAD_REQUEST;
				// Well-formed, but nothing in it to extract: the client must OCR it.
				case NO_TEXT -> HttpStatus.UNPROCESSABLE_CONTENT;
				case TOO_LARGE, EXPANDS -> HttpStatus.CONTENT_TOO_LARGE;
			};
			var problem = switch (ex.reason()) {
				case NOT_PDF -> problem(status, "pdf-unreadable", "Not a PDF", ex.getMessage());
				case DAMAGED -> problem(status, "pdf-unreadable", "PDF damaged", ex.getMessage());
				case ENCRYPTED -> problem(status, "pdf-encrypted", "PDF password-protected", ex.getMessage());
				case NO_TEXT -> problem(status, "pdf-no-text", "PDF without text", ex.getMessage());
				case TOO_LARGE -> problem(status, "too-large", "Text too large", ex.getMessage());
				case EXPANDS -> problem(status, "too-large", "PDF expands too far", ex.getMessage());
			};
			throw new ErrorResponseException(status, problem, null);
		}
	}

	/** Runs an extraction in a slot, with its budget; busy and stopped as problems. */
	private JsonNode run(Function<Budget, JsonNode> extraction) {
		try {
			return slots.run(extraction);
		}
		catch (ExtractionSlots.BusyException ex) {
			long seconds = retryAfterSeconds(ex.timeout());
			var problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "extraction-busy", "Too many extractions",
					ex.slots() + " extraction(s) are already running, as many as themegraph.limits.extract.concurrency "
							+ "allows; try again in " + seconds + " s");
			var refusal = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
			refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			throw refusal;
		}
		catch (ExtractionStoppedException ex) {
			// 422, not 503: the same text would take as long again, so retrying cannot
			// help; the text is the cause.
			var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "extraction-timeout", "Extraction took too long",
					"Extraction was stopped after " + slots.timeout().toMillis()
							+ " ms (themegraph.limits.extract.timeout) "
							+ "without finishing; a report's text takes well under a second. Send one report's text; "
							+ "nothing was drafted");
			throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, ex);
		}
	}

	/**
	 * A slot frees when its extraction ends, which is within the time budget at the
	 * latest.
	 */
	private static long retryAfterSeconds(Duration timeout) {
		return Math.max(1, (timeout.toMillis() + 999) / 1000);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return Problems.of(status, type, title, detail);
	}

	/**
	 * The body is read up to one byte past the PDF limit, so an oversized body is refused
	 * without holding it all; text has the lower limit.
	 */
	private static void checkSize(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			var problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Text too large",
					"The text is over " + MAX_BYTES / (1024 * 1024) + " MB; send one report at a time");
			throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
		}
	}

	private static String decode(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new BadRequestException("The body is not valid " + charset.name() + " text");
		}
	}

}
