package com.themegraph.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed report's text damaged the ways PDF-to-text damages reports, for tests: lines
 * wrapped at a fixed width (breaking names), full-width letters and punctuation, and the
 * first page's sidebar interleaved line by line with its body.
 */
final class MessyText {

	private MessyText() {
	}

	/**
	 * Every line cut every {@code width} characters, as a PDF's text layer does, wherever
	 * that falls.
	 */
	static String wrapped(String text, int width) {
		var out = new StringBuilder();
		for (var line : text.split("\n", -1)) {
			for (int i = 0; i < line.length(); i += width) {
				out.append(line, i, Math.min(line.length(), i + width)).append('\n');
			}
			if (line.isEmpty()) {
				out.append('\n');
			}
		}
		return out.toString();
	}

	/**
	 * ASCII letters, digits and punctuation as their full-width forms (ＡＩ, （）, ，), spaces
	 * as ideographic spaces.
	 */
	static String fullWidth(String text) {
		var out = new StringBuilder();
		text.chars().forEach(c -> {
			if (c >= '!' && c <= '~') {
				out.append((char) (c - '!' + '\uFF01'));
			}
			else if (c == ' ') {
				out.append('\u3000');
			}
			else {
				out.append((char) c);
			}
		});
		return out.toString();
	}

	/**
	 * Page one laid out in two columns and read across: the sidebar (industry, rating,
	 * analysts, related research: everything before the title) and the body (title to
	 * 风险提示) wrapped to their column widths, the sidebar's lines spread evenly among the
	 * body's, so sidebar text lands inside sentences, names and recommendation lists.
	 */
	static String interleaved(String text, int bodyWidth, int sidebarWidth) {
		int titleAt = text.indexOf("Sora 发布有望加速");
		int bodyEnd = text.indexOf("信息披露");
		var sidebar = lines(wrapped(text.substring(0, titleAt), sidebarWidth));
		var body = lines(wrapped(text.substring(titleAt, bodyEnd), bodyWidth));
		var out = new StringBuilder();
		int s = 0;
		for (int b = 0; b < body.size(); b++) {
			out.append(body.get(b)).append('\n');
			// Sidebar lines spread evenly down the page, the last one beside the body's
			// last line.
			while (s < sidebar.size() && (long) (s + 1) * body.size() <= (long) (b + 1) * sidebar.size()) {
				out.append(sidebar.get(s++)).append('\n');
			}
		}
		return out + text.substring(bodyEnd);
	}

	private static List<String> lines(String text) {
		var lines = new ArrayList<String>();
		for (var line : text.split("\n")) {
			if (!line.isBlank()) {
				lines.add(line);
			}
		}
		return lines;
	}

}
