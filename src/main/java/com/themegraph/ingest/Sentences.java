package com.themegraph.ingest;

/**
 * Finds the sentence around a quote, so evidence can show it whole, and makes quotes
 * plain text.
 */
final class Sentences {

	private static final String ENDINGS = "。！？；\n";

	private Sentences() {
	}

	static String around(String text, int offset, int length) {
		int start = offset;
		while (start > 0 && ENDINGS.indexOf(text.charAt(start - 1)) < 0) {
			start--;
		}
		int end = offset + length;
		while (end < text.length() && ENDINGS.indexOf(text.charAt(end - 1)) < 0) {
			end++;
		}
		return text.substring(start, end).strip();
	}

	/**
	 * A quote or sentence as evidence shows it: plain text, without the Markdown emphasis
	 * markers ({@code **}) that report texts converted from PDF keep around bold runs.
	 * The report's stored text stays verbatim (quotes are checked against it and carry
	 * their offset into it); only the copies on edges are plain.
	 */
	static String plain(String quote) {
		return quote.replace("**", "");
	}

}
