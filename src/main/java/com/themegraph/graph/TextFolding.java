package com.themegraph.graph;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text for matching: NFKC turns full-width letters, digits and punctuation into
 * their ordinary forms, then case and runs of white space stop mattering.
 */
public final class TextFolding {

	private TextFolding() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		return Normalizer.normalize(text, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ")
			.strip();
	}

}
