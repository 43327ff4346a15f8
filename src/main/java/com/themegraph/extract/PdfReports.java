package com.themegraph.extract;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * Drafts a report document from a PDF report: its text in reading order
 * ({@link PdfText}), then the same extraction as for plain text, so a PDF and its text
 * give the same draft. The PDF is read outside the graph's read transaction (reading it
 * needs no graph, and a read transaction has a timeout of its own). Behind
 * {@code POST /api/reports/extract} with {@code application/pdf} and the command line's
 * {@code extract FILE.pdf}.
 */
@Service
public class PdfReports {

	private final ReportExtractor extractor;

	PdfReports(ReportExtractor extractor) {
		this.extractor = extractor;
	}

	/**
	 * The draft for this PDF, with no time limit (the command line).
	 * @param pdf the PDF file's bytes
	 * @throws PdfRefusedException when the PDF gives no text, and why
	 */
	public JsonNode extract(byte[] pdf) {
		return extract(pdf, Budget.unlimited());
	}

	/**
	 * The draft for this PDF, reading and extraction together stopped when {@code budget}
	 * runs out or is cancelled.
	 * @param pdf the PDF file's bytes
	 * @throws PdfRefusedException when the PDF gives no text, and why
	 * @throws ExtractionStoppedException when the budget ran out first; nothing is
	 * drafted
	 */
	public JsonNode extract(byte[] pdf, Budget budget) {
		return extractor.extract(PdfText.read(pdf, budget), budget);
	}

}
