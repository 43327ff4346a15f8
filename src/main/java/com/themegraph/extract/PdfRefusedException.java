package com.themegraph.extract;

/**
 * A PDF that cannot give a report's text, and why, in words a person can act on. Nothing
 * was drafted.
 */
public class PdfRefusedException extends RuntimeException {

	/** Why the PDF gives no text. */
	public enum Reason {

		/** The bytes lack the {@code %PDF-} header. */
		NOT_PDF,
		/** PDFBox could not parse or repair the file. */
		DAMAGED,
		/** The file opens only with a password. */
		ENCRYPTED,
		/** The pages hold no text, only images (a scan). */
		NO_TEXT,
		/** More text than one report holds. */
		TOO_LARGE,
		/**
		 * A stream inflates past what a report needs, or a content stream holds a token
		 * or an operator's operands past it: a compression bomb, refused before PDFBox
		 * builds it in memory.
		 */
		EXPANDS

	}

	private final Reason reason;

	PdfRefusedException(Reason reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
