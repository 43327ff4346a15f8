package com.themegraph.extract;

/**
 * Reads a content stream's bytes as PDFBox's parser tokenises them (ISO 32000-1, 7.2 and
 * 7.8.2), keeping only the length of the current token and the operands since the last
 * operator. Inline image data (after {@code ID}, up to {@code EI}) is skipped. One scan
 * per content stream, used by {@link PdfStreams} while it counts the stream's bytes.
 */
final class PdfContentScan {

	private enum State {

		BETWEEN, REGULAR, LITERAL, LITERAL_ESCAPE, HEX, COMMENT, IMAGE

	}

	private State state = State.BETWEEN;

	private int token;

	private int depth;

	private int operands;

	private final StringBuilder word = new StringBuilder();

	private int imageMatch;

	/**
	 * The next bytes of the stream, in order.
	 * @throws PdfStreams.Refused when a token grows past
	 * {@link PdfStreams#MAX_TOKEN_BYTES} or an operator's operands past
	 * {@link PdfStreams#MAX_OPERANDS}
	 */
	void scan(byte[] data, int offset, int length) throws PdfStreams.Refused {
		for (int i = offset; i < offset + length; i++) {
			next(data[i] & 0xFF);
		}
	}

	private void next(int b) throws PdfStreams.Refused {
		switch (state) {
			case LITERAL -> {
				grow();
				if (b == '\\') {
					state = State.LITERAL_ESCAPE;
				}
				else if (b == '(') {
					depth++;
				}
				else if (b == ')' && --depth == 0) {
					end();
				}
			}
			case LITERAL_ESCAPE -> {
				grow();
				state = State.LITERAL;
			}
			case HEX -> {
				grow();
				if (b == '>') {
					end();
				}
			}
			case COMMENT -> {
				if (b == '\n' || b == '\r') {
					state = State.BETWEEN;
					token = 0;
				}
				else {
					grow();
				}
			}
			case IMAGE -> image(b);
			case BETWEEN, REGULAR -> between(b);
		}
	}

	private void between(int b) throws PdfStreams.Refused {
		if (b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32) {
			end();
			return;
		}
		if ("()<>[]{}/%".indexOf(b) >= 0) {
			end();
			switch (b) {
				case '(' -> {
					state = State.LITERAL;
					depth = 1;
					grow();
				}
				case '<' -> {
					state = State.HEX;
					grow();
				}
				case '%' -> state = State.COMMENT;
				case '/' -> {
					state = State.REGULAR;
					word.append('/');
					grow();
				}
				default -> {
					// Array and dictionary brackets: their items are the operands.
				}
			}
			return;
		}
		state = State.REGULAR;
		if (word.length() < 8) {
			word.append((char) b);
		}
		grow();
	}

	/** The end of a token: an operand, or an operator, which takes its operands. */
	private void end() throws PdfStreams.Refused {
		if (state == State.BETWEEN && token == 0) {
			return;
		}
		boolean operator = state == State.REGULAR && word.length() > 0 && isOperator(word);
		if (operator) {
			operands = 0;
			if ("ID".contentEquals(word)) {
				state = State.IMAGE;
				imageMatch = 0;
				word.setLength(0);
				token = 0;
				return;
			}
		}
		else if (++operands > PdfStreams.MAX_OPERANDS) {
			throw new PdfStreams.Refused("A content stream of the PDF gives one operator more than "
					+ PdfStreams.MAX_OPERANDS + " operands (a bomb?)");
		}
		state = State.BETWEEN;
		token = 0;
		word.setLength(0);
	}

	private static boolean isOperator(CharSequence word) {
		char first = word.charAt(0);
		if (first == '/' || first == '+' || first == '-' || first == '.' || Character.isDigit(first)) {
			return false;
		}
		var text = word.toString();
		return !text.equals("true") && !text.equals("false") && !text.equals("null");
	}

	/** Inline image data ends at white space, {@code EI} and white space. */
	private void image(int b) {
		boolean white = b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32;
		imageMatch = switch (imageMatch) {
			case 0 -> white ? 1 : 0;
			case 1 -> b == 'E' ? 2 : white ? 1 : 0;
			case 2 -> b == 'I' ? 3 : white ? 1 : 0;
			default -> {
				if (white) {
					state = State.BETWEEN;
					operands = 0;
				}
				yield 0;
			}
		};
	}

	private void grow() throws PdfStreams.Refused {
		if (++token > PdfStreams.MAX_TOKEN_BYTES) {
			throw new PdfStreams.Refused("A content stream of the PDF holds a token longer than "
					+ PdfStreams.MAX_TOKEN_BYTES / (1024 * 1024)
					+ " MB (a bomb?); no text of a report is one word that long");
		}
	}

}
