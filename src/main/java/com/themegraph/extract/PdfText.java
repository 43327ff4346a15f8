package com.themegraph.extract;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF report in reading order, read with Apache PDFBox's
 * {@link PDFTextStripper}: glyphs sorted by position (top to bottom, left to right), one
 * line of text per printed line (without its indent), each page ending with a blank line.
 * A page set in two columns (a text column beside another, or a sidebar of analysts and
 * market data beside the body, as broker reports print their first page) is read column
 * by column, not line by line across both.
 * <p>
 * Work is reported to the extraction's {@link Budget} per byte its streams decode to
 * ({@link PdfStreams}, which also refuses a compression bomb before PDFBox builds it in
 * memory), per content-stream operator and per glyph, so a PDF built to be slow stops
 * within the extraction's time limit.
 */
public final class PdfText {

	/**
	 * A PDF reader looks for the header within the first 1,024 bytes (ISO 32000-1, annex
	 * H, note 13): some writers put bytes before it.
	 */
	static final int HEADER_WITHIN = 1024;

	/**
	 * As much text as {@code POST /api/reports/extract} accepts as plain text: a PDF
	 * whose text is longer is not one report.
	 */
	public static final int MAX_CHARS = 2 * 1024 * 1024;

	private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	/**
	 * PDFBox's memory setting (its documented way to bound memory): what it keeps in its
	 * stream cache (the decrypted streams of an encrypted PDF, streams it writes) takes
	 * at most 8 MB of the heap, which the embedded Neo4j shares, and the rest goes to a
	 * scratch file of at most 64 MB, past which PDFBox throws (a damaged file to us).
	 * PDFBox 3.0.8 decodes stream filters into main memory whatever this says: that, and
	 * the size of one token, are bounded by {@link PdfStreams} before PDFBox decodes.
	 */
	static final MemoryUsageSetting STREAM_CACHE = MemoryUsageSetting.setupMixed(8L * 1024 * 1024, 64L * 1024 * 1024);

	private PdfText() {
	}

	/**
	 * Whether these bytes are a PDF by its magic bytes ({@code %PDF-} within the first
	 * 1,024 bytes), whatever a file name or a declared media type says.
	 */
	public static boolean isPdf(byte[] bytes) {
		int last = Math.min(bytes.length - MAGIC.length, HEADER_WITHIN - MAGIC.length);
		for (int at = 0; at <= last; at++) {
			if (java.util.Arrays.equals(bytes, at, at + MAGIC.length, MAGIC, 0, MAGIC.length)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The text of every page of this PDF, in reading order, each page ending with a blank
	 * line.
	 * @param pdf the PDF file's bytes
	 * @param budget stops the reading when spent or cancelled
	 * @return the text, never blank
	 * @throws PdfRefusedException when the bytes are not a PDF, the PDF is damaged beyond
	 * PDFBox's repair, needs a password, has no text layer, holds more than
	 * {@link #MAX_CHARS} characters of text, or expands past {@link PdfStreams}' limits
	 * @throws ExtractionStoppedException when the budget ran out first
	 */
	public static String read(byte[] pdf, Budget budget) {
		if (!isPdf(pdf)) {
			throw new PdfRefusedException(PdfRefusedException.Reason.NOT_PDF,
					"The bytes do not start with %PDF-: this is not a PDF file");
		}
		int pages;
		var text = new BoundedWriter();
		try (PDDocument document = Loader.loadPDF(pdf, "", null, null, STREAM_CACHE.streamCache)) {
			pages = document.getNumberOfPages();
			if (pages == 0) {
				throw new PdfRefusedException(PdfRefusedException.Reason.DAMAGED,
						"The PDF has no pages that can be read: it is damaged or empty");
			}
			PdfStreams.check(document, budget);
			new ReadingOrder(budget).writeText(document, text);
		}
		catch (InvalidPasswordException ex) {
			throw new PdfRefusedException(PdfRefusedException.Reason.ENCRYPTED,
					"The PDF is encrypted and opens only with a password: send it without the password protection "
							+ "(print or save it as an unprotected PDF)");
		}
		catch (PdfRefusedException | ExtractionStoppedException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// PDFBox repairs what it can; what it cannot shows as an IOException or, on
			// malformed objects, as one of several runtime exceptions. Either way the
			// file
			// is the cause, not the service.
			throw new PdfRefusedException(PdfRefusedException.Reason.DAMAGED,
					"The PDF is damaged and cannot be read (" + describe(ex) + ")");
		}
		if (text.tooLong) {
			throw new PdfRefusedException(PdfRefusedException.Reason.TOO_LARGE, "The PDF holds more than "
					+ MAX_CHARS / (1024 * 1024) + " million characters of text; send one report at a time");
		}
		var result = text.toString();
		if (result.isBlank()) {
			throw new PdfRefusedException(PdfRefusedException.Reason.NO_TEXT, "The PDF's " + pages + " page(s) have "
					+ "no text layer, only images (a scanned report?): run text recognition (OCR) on it first, or "
					+ "send its text as text/plain");
		}
		return result;
	}

	private static String describe(Exception ex) {
		var message = ex.getMessage();
		if (message == null || message.isBlank()) {
			return ex.getClass().getSimpleName();
		}
		return message.length() > 200 ? message.substring(0, 200) + "..." : message;
	}

	/** Stops taking text past {@link #MAX_CHARS}, so a huge PDF is not held whole. */
	private static final class BoundedWriter extends StringWriter {

		boolean tooLong;

		@Override
		public void write(String str, int off, int len) {
			if (getBuffer().length() + len > MAX_CHARS) {
				tooLong = true;
				return;
			}
			super.write(str, off, len);
		}

		@Override
		public void write(String str) {
			write(str, 0, str.length());
		}

		@Override
		public void write(char[] cbuf, int off, int len) {
			write(new String(cbuf, off, len));
		}

		@Override
		public void write(int c) {
			write(String.valueOf((char) c));
		}

	}

	/**
	 * PDFBox's stripper, sorting by position, with each page's glyphs first split into
	 * the blocks a reader takes in turn: text across the page, and where the page is set
	 * in two columns, the left column then the right. PDFBox writes each such block as an
	 * "article" (its own unit for threaded text, see
	 * {@link PDFTextStripper#setShouldSeparateByBeads}) in order, sorted within. PDFBox
	 * finds no columns itself: sorting by position alone reads two columns line by line
	 * across both, and reading in content-stream order (no sort) depends on the order the
	 * writer happened to draw in.
	 */
	private static final class ReadingOrder extends PDFTextStripper {

		private final Budget budget;

		ReadingOrder(Budget budget) {
			this.budget = budget;
			setSortByPosition(true);
			setLineSeparator("\n");
			// Each block ends its last line; so does each page, which is one block or
			// more.
			setArticleEnd("\n");
		}

		@Override
		protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
			budget.step();
			super.processOperator(operator, operands);
		}

		@Override
		protected void processTextPosition(TextPosition text) {
			budget.step();
			super.processTextPosition(text);
		}

		@Override
		protected void startPage(PDPage page) throws IOException {
			budget.check();
			super.startPage(page);
		}

		@Override
		protected void writePage() throws IOException {
			// A page with threaded articles (beads) already says its reading order.
			if (charactersByArticle.size() == 1) {
				var blocks = Columns.blocks(charactersByArticle.get(0));
				budget.step(charactersByArticle.get(0).size());
				if (blocks.size() > 1) {
					charactersByArticle.clear();
					charactersByArticle.addAll(blocks);
				}
			}
			super.writePage();
		}

	}

	/**
	 * Finds a column gutter on a page from its glyphs' positions. Written here since
	 * PDFBox has no layout analysis; kept to the one case broker reports need (two
	 * columns, or a sidebar beside the body) and cautious: when in doubt a page is read
	 * as one block, sorted by position, as PDFBox reads it.
	 */
	static final class Columns {

		/** Lines split at the same gutter before it counts as one. */
		static final int MIN_LINES = 4;

		/** Each column is at least this share of the page's text width. */
		static final double MIN_SIDE = 0.2;

		/**
		 * Share of split lines holding one run of text on each side: table rows hold many
		 * cells, text columns one run each.
		 */
		static final double MIN_SINGLE_RUNS = 0.7;

		private Columns() {
		}

		/**
		 * The page's glyphs in reading blocks (each block a list of glyphs), or one block
		 * when the page is not in columns.
		 */
		static List<List<TextPosition>> blocks(List<TextPosition> glyphs) {
			var visible = new ArrayList<TextPosition>();
			for (var glyph : glyphs) {
				if (!blank(glyph)) {
					visible.add(glyph);
				}
			}
			if (visible.size() < MIN_LINES * 2) {
				return List.of(glyphs);
			}
			float em = em(visible);
			// Spaces are kept in their lines (PDFBox writes them) but make no runs.
			var lines = lines(glyphs, em);
			float left = Float.MAX_VALUE;
			float right = -Float.MAX_VALUE;
			for (var glyph : visible) {
				left = Math.min(left, glyph.getX());
				right = Math.max(right, glyph.getX() + glyph.getWidth());
			}
			var gutter = gutter(lines, left, right, em);
			if (Float.isNaN(gutter)) {
				return List.of(glyphs);
			}
			return split(lines, gutter);
		}

		private static boolean blank(TextPosition glyph) {
			return glyph.getUnicode() == null || glyph.getUnicode().isBlank();
		}

		/** The median glyph width: a character's width in CJK text. */
		private static float em(List<TextPosition> glyphs) {
			var widths = new float[glyphs.size()];
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(glyphs.get(i).getWidth(), glyphs.get(i).getFontSizeInPt() / 2);
			}
			java.util.Arrays.sort(widths);
			return Math.max(1, widths[widths.length / 2]);
		}

		/**
		 * Glyphs on one baseline (within half a character), each line's runs of text
		 * split where a gap is wider than one and a half characters.
		 */
		private static List<Line> lines(List<TextPosition> glyphs, float em) {
			var byY = new ArrayList<>(glyphs);
			byY.sort(Comparator.comparingDouble(TextPosition::getY));
			var lines = new ArrayList<Line>();
			List<TextPosition> current = new ArrayList<>();
			float y = Float.NaN;
			for (var glyph : byY) {
				if (!current.isEmpty() && glyph.getY() - y > em / 2) {
					lines.add(new Line(current, em));
					current = new ArrayList<>();
				}
				if (current.isEmpty()) {
					y = glyph.getY();
				}
				current.add(glyph);
			}
			lines.add(new Line(current, em));
			return lines;
		}

		/**
		 * The x of a gutter: the white gap shared by the most lines, if enough lines
		 * share it, both sides are wide enough, and the lines it splits read as text, not
		 * table rows. NaN when there is none.
		 */
		private static float gutter(List<Line> lines, float left, float right, float em) {
			int width = (int) Math.ceil(right - left) + 1;
			var shared = new int[width];
			for (var line : lines) {
				for (int i = 1; i < line.runs.size(); i++) {
					int from = (int) (line.runs.get(i - 1).right - left);
					int to = (int) (line.runs.get(i).left - left);
					for (int x = Math.max(0, from); x < Math.min(width, to); x++) {
						shared[x]++;
					}
				}
			}
			int best = 0;
			for (int x = 1; x < width; x++) {
				if (shared[x] > shared[best]) {
					best = x;
				}
			}
			if (shared[best] < MIN_LINES) {
				return Float.NaN;
			}
			int end = best;
			while (end + 1 < width && shared[end + 1] == shared[best]) {
				end++;
			}
			float gutter = left + (best + end) / 2f;
			if (gutter - left < MIN_SIDE * (right - left) || right - gutter < MIN_SIDE * (right - left)) {
				return Float.NaN;
			}
			int split = 0;
			int single = 0;
			for (var line : lines) {
				if (line.crosses(gutter)) {
					continue;
				}
				int leftRuns = 0;
				int rightRuns = 0;
				for (var run : line.runs) {
					if (run.right <= gutter) {
						leftRuns++;
					}
					else {
						rightRuns++;
					}
				}
				if (leftRuns > 0 && rightRuns > 0) {
					split++;
					if (leftRuns == 1 && rightRuns == 1) {
						single++;
					}
				}
			}
			return split >= MIN_LINES && single >= MIN_SINGLE_RUNS * split ? gutter : Float.NaN;
		}

		/**
		 * Lines across the gutter are read whole; runs of lines that keep to either side
		 * are read left column first, when at least {@link #MIN_LINES} of them hold text
		 * on both sides (else they too are read whole). Lines on one side only that a
		 * wider gap than the run's line spacing sets apart at its top or bottom (a
		 * heading, a page footer) are read whole too, in their place.
		 */
		private static List<List<TextPosition>> split(List<Line> lines, float gutter) {
			var blocks = new ArrayList<List<TextPosition>>();
			var whole = new ArrayList<TextPosition>();
			int i = 0;
			while (i < lines.size()) {
				int end = i;
				while (end < lines.size() && !lines.get(end).crosses(gutter)) {
					end++;
				}
				var run = lines.subList(i, end);
				int first = 0;
				while (first < run.size() && !run.get(first).bothSides(gutter)) {
					first++;
				}
				int last = run.size() - 1;
				while (last >= 0 && !run.get(last).bothSides(gutter)) {
					last--;
				}
				int from = 0;
				int to = run.size();
				if (first <= last) {
					float pitch = pitch(run.subList(first, last + 1));
					for (int k = 1; k <= first; k++) {
						if (run.get(k).y - run.get(k - 1).y > 1.5f * pitch) {
							from = k;
						}
					}
					for (int k = run.size() - 1; k > last; k--) {
						if (run.get(k).y - run.get(k - 1).y > 1.5f * pitch) {
							to = k;
						}
					}
				}
				int twoSided = 0;
				for (var line : run) {
					twoSided += line.bothSides(gutter) ? 1 : 0;
				}
				if (twoSided >= MIN_LINES) {
					for (var line : run.subList(0, from)) {
						whole.addAll(line.glyphs);
					}
					if (!whole.isEmpty()) {
						blocks.add(new ArrayList<>(whole));
						whole.clear();
					}
					var leftColumn = new ArrayList<TextPosition>();
					var rightColumn = new ArrayList<TextPosition>();
					for (var line : run.subList(from, to)) {
						for (var glyph : line.glyphs) {
							(glyph.getX() + glyph.getWidth() / 2 < gutter ? leftColumn : rightColumn).add(glyph);
						}
					}
					for (var column : List.of(leftColumn, rightColumn)) {
						if (!column.isEmpty()) {
							blocks.add(column);
						}
					}
					for (var line : run.subList(to, run.size())) {
						whole.addAll(line.glyphs);
					}
				}
				else {
					for (var line : run) {
						whole.addAll(line.glyphs);
					}
				}
				if (end < lines.size()) {
					whole.addAll(lines.get(end).glyphs);
				}
				i = end + 1;
			}
			if (!whole.isEmpty()) {
				blocks.add(whole);
			}
			return blocks;
		}

		/** The median distance between consecutive baselines. */
		private static float pitch(List<Line> lines) {
			if (lines.size() < 2) {
				return Float.MAX_VALUE;
			}
			var gaps = new float[lines.size() - 1];
			for (int k = 1; k < lines.size(); k++) {
				gaps[k - 1] = lines.get(k).y - lines.get(k - 1).y;
			}
			java.util.Arrays.sort(gaps);
			return gaps[gaps.length / 2];
		}

		/** The glyphs on one baseline, and the runs of text they form. */
		private static final class Line {

			final List<TextPosition> glyphs;

			final List<Run> runs = new ArrayList<>();

			/** The baseline, top down. */
			final float y;

			Line(List<TextPosition> glyphs, float em) {
				this.glyphs = glyphs;
				this.y = glyphs.get(0).getY();
				var byX = new ArrayList<>(glyphs);
				byX.sort(Comparator.comparingDouble(TextPosition::getX));
				Run run = null;
				for (var glyph : byX) {
					if (blank(glyph)) {
						continue;
					}
					float x = glyph.getX();
					if (run == null || x - run.right > 1.5f * em) {
						run = new Run(x, x + glyph.getWidth());
						runs.add(run);
					}
					else {
						run.right = Math.max(run.right, x + glyph.getWidth());
					}
				}
			}

			boolean bothSides(float x) {
				boolean left = false;
				boolean right = false;
				for (var run : runs) {
					left |= run.right <= x;
					right |= run.left >= x;
				}
				return left && right;
			}

			boolean crosses(float x) {
				for (var run : runs) {
					if (run.left < x && x < run.right) {
						return true;
					}
				}
				return false;
			}

		}

		private static final class Run {

			final float left;

			float right;

			Run(float left, float right) {
				this.left = left;
				this.right = right;
			}

		}

	}

}
