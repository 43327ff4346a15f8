package com.themegraph.ingest;

/** Finds the sentence around a quote, so evidence can show it whole. */
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

}
