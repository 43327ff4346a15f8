package com.themegraph.extract;

import java.util.List;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/reports/extract with a PDF, as a client sends one: the same draft as for the
 * report's text, problem details saying why for a PDF that gives no text, and the OpenAPI
 * document offering both bodies.
 */
class ExtractPdfIT extends GraphIT {

	static final String TEXT = PdfTextTests.lines(PdfTextTests.PAGE_ONE) + PdfTextTests.lines(PdfTextTests.PAGE_TWO);

	@BeforeEach
	void font() {
		TestPdfs.requireFont();
	}

	@Test
	void aPdfReportGivesTheDraftItsTextGivesAndWritesNothing() {
		var pdf = TestPdfs.pages(List.of(PdfTextTests.PAGE_ONE, PdfTextTests.PAGE_TWO));
		var before = snapshot();
		var fromPdf = sendBytes("POST", "/api/reports/extract", "application/pdf", pdf);
		assertThat(fromPdf.status()).as(fromPdf.text()).isEqualTo(200);
		assertThat(fromPdf.contentType()).startsWith("application/json");
		var fromText = send("POST", "/api/reports/extract", "text/plain; charset=UTF-8", TEXT);
		assertThat(fromText.status()).isEqualTo(200);
		assertThat(PdfTextTests.codes(fromPdf.body())).isEqualTo(PdfTextTests.codes(fromText.body()))
			.containsSubsequence("300624.SZ", "300418.SZ", "1357.HK");
		assertThat(PdfTextTests.field(fromPdf.body().path("analysts"), "sacCertificate"))
			.isEqualTo(PdfTextTests.field(fromText.body().path("analysts"), "sacCertificate"))
			.contains("S0120523040007");
		assertThat(fromPdf.body().path("text").asString()).contains("【万兴科技，昆仑万维，美图公司】等。");
		// A PDF sent as text/plain is known by its header and read as the PDF it is.
		var mislabelled = sendBytes("POST", "/api/reports/extract", "text/plain", pdf);
		assertThat(mislabelled.status()).isEqualTo(200);
		assertThat(PdfTextTests.codes(mislabelled.body())).isEqualTo(PdfTextTests.codes(fromPdf.body()));
		assertSameGraph(snapshot(), before, "the graph");
	}

	@Test
	void aPdfThatGivesNoTextIsAProblemSayingWhy() {
		var pdf = TestPdfs.pages(List.of(PdfTextTests.PAGE_ONE));
		var before = snapshot();
		assertProblem(TestPdfs.encrypted(pdf, "user-secret"), 400, "pdf-encrypted", "PDF password-protected",
				"The PDF is encrypted and opens only with a password");
		assertProblem(java.util.Arrays.copyOf(pdf, 300), 400, "pdf-unreadable", "PDF damaged",
				"The PDF is damaged and cannot be read");
		assertProblem("%PDF-1.7\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 400, "pdf-unreadable",
				"PDF damaged", "The PDF is damaged");
		assertProblem("not a pdf at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 400, "pdf-unreadable",
				"Not a PDF", "not a PDF file");
		assertProblem(TestPdfs.scanned(), 422, "pdf-no-text", "PDF without text",
				"The PDF's 2 page(s) have no text layer, only images (a scanned report?)");
		assertProblem(TestPdfs.blankPage(), 422, "pdf-no-text", "PDF without text", "1 page(s) have no text layer");
		assertProblem(new byte[0], 400, "bad-request", "Bad request", "The body is empty");
		assertSameGraph(snapshot(), before, "the graph");
	}

	@Test
	void theOpenApiDocumentOffersTextAndPdfBodies() {
		var docs = get("/v3/api-docs");
		var content = docs.body()
			.path("paths")
			.path("/api/reports/extract")
			.path("post")
			.path("requestBody")
			.path("content");
		assertThat(content.path("text/plain").path("schema").path("type").asString()).isEqualTo("string");
		assertThat(content.path("application/pdf").path("schema").path("format").asString()).isEqualTo("binary");
		var answers = docs.body().path("paths").path("/api/reports/extract").path("post").path("responses");
		assertThat(answers.path("400").path("description").asString()).contains("pdf-encrypted");
		assertThat(answers.path("422").path("description").asString()).contains("pdf-no-text");
	}

	private void assertProblem(byte[] pdf, int status, String type, String title, String detail) {
		var response = sendBytes("POST", "/api/reports/extract", "application/pdf", pdf);
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("type").asString()).isEqualTo("https://themegraph.example/problems/" + type);
		assertThat(response.body().path("title").asString()).isEqualTo(title);
		assertThat(response.body().path("detail").asString()).contains(detail);
	}

}
