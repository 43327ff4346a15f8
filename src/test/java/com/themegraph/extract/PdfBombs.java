package com.themegraph.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Compression bombs as PDFs, built in milliseconds: a block of content is deflated once
 * with a full flush (which makes its compressed bytes independent of what came before)
 * and those bytes are repeated, so a 1 MB stream inflates to a gigabyte without the test
 * compressing a gigabyte. The zlib checksum is left zero: every bomb is refused long
 * before its end.
 */
final class PdfBombs {

	static final int MB = 1024 * 1024;

	private PdfBombs() {
	}

	/**
	 * One page whose content stream is {@code (} and then {@code megabytes} of {@code a}.
	 */
	static byte[] oneHugeToken(int megabytes) {
		return pdf(1, zlib(ascii("BT /F1 12 Tf 72 700 Td ("), filled('a'), megabytes));
	}

	/**
	 * One page whose content stream is {@code megabytes} of blanks: no operator, no
	 * glyph.
	 */
	static byte[] blanks(int megabytes) {
		return pdf(1, zlib(ascii("BT "), filled(' '), megabytes));
	}

	/** One page whose content stream is {@code 0 0 0 ...}: operands with no operator. */
	static byte[] operands(int megabytes) {
		var block = new byte[MB];
		for (int i = 0; i < MB; i += 2) {
			block[i] = '0';
			block[i + 1] = ' ';
		}
		return pdf(1, zlib(ascii("BT "), block, megabytes));
	}

	/**
	 * {@code pages} pages, each with a stream of 30 MB of blanks: each under one stream's
	 * limit.
	 */
	static byte[] manyStreams(int pages) {
		return pdf(pages, zlib(ascii("BT "), filled(' '), 30));
	}

	/** A stream deflated twice: the inner layer is what inflates. */
	static byte[] twiceDeflated(int megabytes) {
		var inner = zlib(ascii("BT "), filled(' '), megabytes);
		var outer = new ByteArrayOutputStream();
		var deflater = new Deflater(Deflater.BEST_SPEED);
		deflater.setInput(inner);
		deflater.finish();
		var buffer = new byte[1 << 16];
		while (!deflater.finished()) {
			outer.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return pdf(1, outer.toByteArray(), COSName.FLATE_DECODE, COSName.FLATE_DECODE);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] filled(char c) {
		var block = new byte[MB];
		Arrays.fill(block, (byte) c);
		return block;
	}

	/** A zlib stream of {@code head} then {@code block} {@code times} times. */
	static byte[] zlib(byte[] head, byte[] block, int times) {
		var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		var first = flushed(deflater, head);
		var repeated = flushed(deflater, block);
		deflater.finish();
		var buffer = new byte[64];
		var last = new ByteArrayOutputStream();
		while (!deflater.finished()) {
			last.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		var out = new ByteArrayOutputStream(first.length + repeated.length * times + 16);
		out.write(0x78);
		out.write(0xDA);
		out.writeBytes(first);
		for (int i = 0; i < times; i++) {
			out.writeBytes(repeated);
		}
		out.writeBytes(last.toByteArray());
		out.writeBytes(new byte[4]);
		return out.toByteArray();
	}

	private static byte[] flushed(Deflater deflater, byte[] input) {
		deflater.setInput(input);
		var out = new ByteArrayOutputStream();
		var buffer = new byte[1 << 16];
		int n;
		do {
			n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
			out.write(buffer, 0, n);
		}
		while (n == buffer.length || !deflater.needsInput());
		return out.toByteArray();
	}

	private static byte[] pdf(int pages, byte[] content) {
		return pdf(pages, content, COSName.FLATE_DECODE);
	}

	private static byte[] pdf(int pages, byte[] content, COSName... filters) {
		try (var document = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				var page = new PDPage();
				COSStream stream = document.getDocument().createCOSStream();
				if (filters.length == 1) {
					stream.setItem(COSName.FILTER, filters[0]);
				}
				else {
					var array = new COSArray();
					for (var filter : filters) {
						array.add(filter);
					}
					stream.setItem(COSName.FILTER, array);
				}
				try (var out = stream.createRawOutputStream()) {
					out.write(content);
				}
				page.getCOSObject().setItem(COSName.CONTENTS, stream);
				document.addPage(page);
			}
			var bytes = new ByteArrayOutputStream();
			document.save(bytes, CompressParameters.NO_COMPRESSION);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
