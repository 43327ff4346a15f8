package com.themegraph.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What a PDF's streams may inflate to, measured before PDFBox decodes them. PDFBox 3.0.8
 * decodes a stream's filters whole into main memory ({@code Filter.decode} writes into a
 * {@code RandomAccessReadWriteBuffer}, whatever memory setting the document was loaded
 * with), and its content-stream parser builds each token in memory: a 1 MB PDF whose
 * stream inflates to one 1 GB token exhausted the heap, and one whose stream inflates to
 * gigabytes of blanks (no operator, no glyph, so no step of the budget) took 25 s. PDFBox
 * has no limit of its own for either, so each stream is decoded here first through
 * PDFBox's own filters into a counting sink that keeps nothing and stops at the limit,
 * and content streams are scanned for their longest token and their most operands before
 * an operator. Every byte decoded is a step of the extraction's {@link Budget}, so the
 * time budget also holds inside this check.
 * <p>
 * Image streams (and any stream an image codec encodes) are left out: text extraction
 * never decodes them.
 */
final class PdfStreams {

	/** The most one stream may decode to (a page of text is kilobytes). */
	static final long MAX_STREAM_BYTES = 32L * 1024 * 1024;

	/** The most all of a document's streams may decode to together. */
	static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;

	/** The longest token (string, name, number, comment) a content stream may hold. */
	static final int MAX_TOKEN_BYTES = 1024 * 1024;

	/** The most operands (array items included) before one operator. */
	static final int MAX_OPERANDS = 100_000;

	private static final Set<String> IMAGE_CODECS = Set.of("DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF",
			"JBIG2Decode");

	private final Budget budget;

	private long total;

	private PdfStreams(Budget budget) {
		this.budget = budget;
	}

	/**
	 * Measures every stream of {@code document} but images, and scans its pages' and
	 * forms' content streams.
	 * @throws PdfRefusedException with reason {@code TOO_LARGE} when a stream decodes to
	 * more than {@link #MAX_STREAM_BYTES}, all of them to more than
	 * {@link #MAX_TOTAL_BYTES}, or a content stream holds a token longer than
	 * {@link #MAX_TOKEN_BYTES} or more than {@link #MAX_OPERANDS} operands for one
	 * operator
	 * @throws ExtractionStoppedException when the budget runs out first
	 * @throws IOException when a stream cannot be decoded (a damaged file)
	 */
	static void check(PDDocument document, Budget budget) throws IOException {
		var contents = Collections.newSetFromMap(new IdentityHashMap<COSStream, Boolean>());
		for (var page : document.getPages()) {
			var base = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
			if (base instanceof COSStream stream) {
				contents.add(stream);
			}
			else if (base instanceof COSArray array) {
				for (COSBase item : array) {
					if (item instanceof COSObject object && object.getObject() instanceof COSStream stream) {
						contents.add(stream);
					}
					else if (item instanceof COSStream stream) {
						contents.add(stream);
					}
				}
			}
		}
		var streams = new ArrayList<COSStream>();
		var cos = document.getDocument();
		for (var entry : new ArrayList<>(cos.getXrefTable().entrySet())) {
			if (entry.getValue() == null || entry.getValue() < 0) {
				// In an object stream, which holds no streams.
				continue;
			}
			if (cos.getObjectFromPool(entry.getKey()).getObject() instanceof COSStream stream) {
				streams.add(stream);
			}
		}
		var seen = Collections.newSetFromMap(new IdentityHashMap<COSStream, Boolean>());
		var check = new PdfStreams(budget);
		for (var stream : streams) {
			if (seen.add(stream)) {
				check.measure(stream,
						contents.contains(stream) || COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE)));
			}
		}
		for (var stream : contents) {
			if (seen.add(stream)) {
				check.measure(stream, true);
			}
		}
	}

	private void measure(COSStream stream, boolean content) throws IOException {
		if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
			return;
		}
		var filters = filters(stream);
		if (filters.stream().anyMatch(name -> IMAGE_CODECS.contains(name.getName()))) {
			return;
		}
		var sink = new Counter(this, content ? new PdfContentScan() : null);
		InputStream input = stream.createRawInputStream();
		try {
			for (int i = 0; i < filters.size(); i++) {
				Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
				if (i == filters.size() - 1) {
					filter.decode(input, sink, stream, i);
				}
				else {
					// A filter between others: its output is the next one's input, held
					// up
					// to the limit of one stream.
					var between = new Bounded();
					filter.decode(input, between, stream, i);
					input.close();
					input = new java.io.ByteArrayInputStream(between.toByteArray());
				}
			}
			if (filters.isEmpty()) {
				input.transferTo(sink);
			}
		}
		catch (Refused ex) {
			throw new PdfRefusedException(PdfRefusedException.Reason.EXPANDS, ex.getMessage());
		}
		finally {
			input.close();
		}
		if (sink.refused != null) {
			// A filter that swallowed the refusal as a damaged end of its data.
			throw new PdfRefusedException(PdfRefusedException.Reason.EXPANDS, sink.refused.getMessage());
		}
	}

	private static List<COSName> filters(COSStream stream) {
		var base = stream.getFilters();
		var names = new ArrayList<COSName>();
		if (base instanceof COSName name) {
			names.add(name);
		}
		else if (base instanceof COSArray array) {
			for (COSBase item : array) {
				if (item instanceof COSName name) {
					names.add(name);
				}
			}
		}
		return names;
	}

	/** Counts decoded bytes against both limits and the budget. */
	private void count(int n) throws Refused {
		total += n;
		budget.step(n);
		if (total > MAX_TOTAL_BYTES) {
			throw new Refused("The PDF's streams inflate to more than " + MAX_TOTAL_BYTES / (1024 * 1024)
					+ " MB (a compression bomb?); a report's text takes a few");
		}
	}

	/**
	 * A limit was passed: thrown through PDFBox's filter, which only sees an I/O fault.
	 */
	static final class Refused extends IOException {

		Refused(String message) {
			super(message, null);
		}

	}

	/** Keeps a filter's output for the next filter, up to one stream's limit. */
	private static final class Bounded extends OutputStream {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] data, int offset, int length) throws IOException {
			if (bytes.size() + (long) length > MAX_STREAM_BYTES) {
				throw new Refused(tooLarge());
			}
			bytes.write(data, offset, length);
		}

		byte[] toByteArray() {
			return bytes.toByteArray();
		}

	}

	private static String tooLarge() {
		return "A stream of the PDF inflates to more than " + MAX_STREAM_BYTES / (1024 * 1024)
				+ " MB (a compression bomb?); a page of a report takes kilobytes";
	}

	/** Counts a stream's decoded bytes, scans a content stream's, and keeps none. */
	private static final class Counter extends OutputStream {

		private final PdfStreams owner;

		private final PdfContentScan scan;

		private long bytes;

		Refused refused;

		Counter(PdfStreams owner, PdfContentScan scan) {
			this.owner = owner;
			this.scan = scan;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] data, int offset, int length) throws IOException {
			if (refused != null) {
				throw refused;
			}
			try {
				bytes += length;
				if (bytes > MAX_STREAM_BYTES) {
					throw new Refused(tooLarge());
				}
				owner.count(length);
				if (scan != null) {
					scan.scan(data, offset, length);
				}
			}
			catch (Refused ex) {
				refused = ex;
				throw ex;
			}
		}

	}

}
