package com.themegraph.extract;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Compression bombs are refused before PDFBox builds them: each kind is a small PDF whose
 * streams inflate to far more than any report needs, and each is refused as
 * {@code EXPANDS} having decoded no more than the limit it passed (counted in the
 * budget's steps, one per byte, so no clock is needed to show it stopped early). Before
 * {@link PdfStreams}, the token bomb threw {@code OutOfMemoryError} under a 2 GB heap and
 * the blank one took 25 s.
 */
class PdfBombTests {

	/** Steps beyond a limit: the rest of the decoder's buffer in which it was passed. */
	private static final long SLACK = PdfBombs.MB;

	@Test
	void aStreamInflatingToOneHugeTokenIsRefusedAtTheTokenLimit() {
		var pdf = PdfBombs.oneHugeToken(1024);
		assertThat(pdf.length).isLessThan(2 * PdfBombs.MB);
		var budget = Budget.unlimited();
		var refused = refused(pdf, budget);
		assertThat(refused.getMessage()).isEqualTo(
				"A content stream of the PDF holds a token longer than 1 MB (a bomb?); no text of a report is one word that long");
		assertThat(budget.steps()).isLessThanOrEqualTo(PdfStreams.MAX_TOKEN_BYTES + SLACK);
	}

	@Test
	void aStreamInflatingToBlanksIsRefusedAtTheStreamLimit() {
		var pdf = PdfBombs.blanks(4096);
		assertThat(pdf.length).isLessThan(5 * PdfBombs.MB);
		var budget = Budget.unlimited();
		var refused = refused(pdf, budget);
		assertThat(refused.getMessage()).isEqualTo(
				"A stream of the PDF inflates to more than 32 MB (a compression bomb?); a page of a report takes kilobytes");
		// 4 GB were in it; no more than the limit was read.
		assertThat(budget.steps()).isBetween(PdfStreams.MAX_STREAM_BYTES, PdfStreams.MAX_STREAM_BYTES + SLACK);
	}

	@Test
	void operandsWithoutAnOperatorAreRefusedAtTheOperandLimit() {
		var budget = Budget.unlimited();
		var refused = refused(PdfBombs.operands(512), budget);
		assertThat(refused.getMessage())
			.isEqualTo("A content stream of the PDF gives one operator more than 100000 operands (a bomb?)");
		assertThat(budget.steps()).isLessThanOrEqualTo(2L * PdfStreams.MAX_OPERANDS + SLACK);
	}

	@Test
	void streamsEachUnderTheLimitAreRefusedTogetherAtTheDocumentLimit() {
		var budget = Budget.unlimited();
		var refused = refused(PdfBombs.manyStreams(10), budget);
		assertThat(refused.getMessage()).isEqualTo(
				"The PDF's streams inflate to more than 128 MB (a compression bomb?); a report's text takes a few");
		assertThat(budget.steps()).isBetween(PdfStreams.MAX_TOTAL_BYTES, PdfStreams.MAX_TOTAL_BYTES + SLACK);
	}

	@Test
	void aStreamDeflatedTwiceIsRefusedBetweenItsFilters() {
		var refused = refused(PdfBombs.twiceDeflated(1024), Budget.unlimited());
		assertThat(refused.getMessage()).startsWith("A stream of the PDF inflates to more than 32 MB");
	}

	/**
	 * The budget is looked at while the streams are measured, not only between operators.
	 */
	@Test
	void aSpentBudgetStopsTheMeasuringItself() {
		var budget = Budget.of(Duration.ofNanos(1));
		assertThatThrownBy(() -> PdfText.read(PdfBombs.blanks(64), budget))
			.isInstanceOf(ExtractionStoppedException.class);
		assertThat(budget.steps()).isLessThan(PdfStreams.MAX_STREAM_BYTES);
	}

	/** The limits leave real reports alone: a two-page report reads as before. */
	@Test
	void aReportIsWellWithinTheLimits() {
		TestPdfs.requireFont();
		var budget = Budget.unlimited();
		var text = PdfText.read(TestPdfs.pages(List.of(PdfTextTests.PAGE_ONE, PdfTextTests.PAGE_TWO)), budget);
		assertThat(text).contains("【万兴科技，昆仑万维，美图公司】等。");
	}

	private static PdfRefusedException refused(byte[] pdf, Budget budget) {
		var refused = catchThrowableOfType(PdfRefusedException.class, () -> PdfText.read(pdf, budget));
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.reason()).isEqualTo(PdfRefusedException.Reason.EXPANDS);
		return refused;
	}

}
