package com.themegraph.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * PDFs made by the tests themselves, with PDFBox, laying out Chinese text in Debian's
 * WenQuanYi Zen Hei (package fonts-wqy-zenhei: TrueType outlines, which PDFBox embeds;
 * Noto CJK's OpenType/CFF outlines it cannot). Without the font the calling test is
 * skipped with the reason, but under CI=true it fails: .ci/run installs the font.
 */
public final class TestPdfs {

	public static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

	/** Points: an A4 page, 10 pt text on 14 pt lines. */
	static final float MARGIN = 50;

	static final float SIZE = 10;

	static final float LEADING = 14;

	private TestPdfs() {
	}

	/** Skips the calling test without the font; fails it under CI=true. */
	public static void requireFont() {
		if (!Files.isReadable(FONT)) {
			var reason = "CJK font " + FONT + " not installed: apt-get install fonts-wqy-zenhei to run the PDF tests";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(reason + "; CI must run them (.ci/run installs it)");
			}
			Assumptions.abort(reason);
		}
	}

	/** One page per list, each line of text on a line of its own from the top. */
	public static byte[] pages(List<List<String>> pages) {
		return write(document -> {
			var font = font(document);
			for (var lines : pages) {
				var page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (var content = new PDPageContentStream(document, page)) {
					float y = PDRectangle.A4.getHeight() - MARGIN;
					for (var line : lines) {
						text(content, font, MARGIN, y, line);
						y -= LEADING;
					}
				}
			}
		});
	}

	/**
	 * A heading across the page, two columns of lines under it and a footer across the
	 * page, drawn row by row (left line, then the right line beside it), as some writers
	 * draw: reading order must come from the positions, not the drawing order.
	 */
	public static byte[] twoColumns(String heading, List<String> left, List<String> right, String footer) {
		return twoColumns(heading, left, right, footer, (PDRectangle.A4.getWidth() - 2 * MARGIN) / 2 + 20);
	}

	/**
	 * As {@link #twoColumns(String, List, List, String)}, the right column starting
	 * {@code rightColumn} points from the left margin (a narrow left column is a
	 * sidebar).
	 */
	public static byte[] twoColumns(String heading, List<String> left, List<String> right, String footer,
			float rightColumn) {
		return write(document -> {
			var font = font(document);
			var page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (var content = new PDPageContentStream(document, page)) {
				float y = PDRectangle.A4.getHeight() - MARGIN;
				text(content, font, MARGIN, y, heading);
				y -= 2 * LEADING;
				for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
					if (i < left.size()) {
						text(content, font, MARGIN, y, left.get(i));
					}
					if (i < right.size()) {
						text(content, font, MARGIN + rightColumn, y, right.get(i));
					}
					y -= LEADING;
				}
				text(content, font, MARGIN, y - LEADING, footer);
			}
		});
	}

	/**
	 * Rows of cells at fixed x positions (points from the left margin), as a table of
	 * covered companies prints.
	 */
	public static byte[] table(List<String> lines, List<List<String>> rows, float[] columns) {
		return write(document -> {
			var font = font(document);
			var page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (var content = new PDPageContentStream(document, page)) {
				float y = PDRectangle.A4.getHeight() - MARGIN;
				for (var line : lines) {
					text(content, font, MARGIN, y, line);
					y -= LEADING;
				}
				for (var row : rows) {
					for (int i = 0; i < row.size(); i++) {
						text(content, font, MARGIN + columns[i], y, row.get(i));
					}
					y -= LEADING;
				}
			}
		});
	}

	/** One page with nothing on it. */
	public static byte[] blankPage() {
		return write(document -> document.addPage(new PDPage(PDRectangle.A4)));
	}

	/** Two pages holding only a picture each, as a scanned report without OCR. */
	public static byte[] scanned() {
		return write(document -> {
			var picture = new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY);
			var graphics = picture.createGraphics();
			graphics.fillRect(20, 20, 160, 20);
			graphics.dispose();
			var image = LosslessFactory.createFromImage(document, picture);
			for (int i = 0; i < 2; i++) {
				var page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (var content = new PDPageContentStream(document, page)) {
					content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
				}
			}
		});
	}

	/**
	 * This PDF encrypted (AES-256) with these passwords; an empty user password opens
	 * without one.
	 */
	public static byte[] encrypted(byte[] pdf, String userPassword) {
		try (var document = Loader.loadPDF(pdf)) {
			var permissions = new AccessPermission();
			permissions.setCanExtractContent(false);
			var policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
			policy.setEncryptionKeyLength(256);
			document.protect(policy);
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void text(PDPageContentStream content, PDFont font, float x, float y, String line)
			throws IOException {
		content.beginText();
		content.setFont(font, SIZE);
		content.newLineAtOffset(x, y);
		content.showText(line);
		content.endText();
	}

	interface Layout {

		void draw(PDDocument document) throws IOException;

	}

	private static byte[] write(Layout layout) {
		try (var document = new PDDocument()) {
			layout.draw(document);
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static TrueTypeFont zenHei;

	/**
	 * The collection's first font, embedded as a subset. The collection stays open for
	 * the test JVM: PDFBox reads glyphs from it whenever a document is saved.
	 */
	private static synchronized PDFont font(PDDocument document) throws IOException {
		requireFont();
		if (zenHei == null) {
			var first = new AtomicReference<TrueTypeFont>();
			new TrueTypeCollection(FONT.toFile()).processAllFonts(font -> first.compareAndSet(null, font));
			zenHei = first.get();
		}
		return PDType0Font.load(document, zenHei, true);
	}

}
