package com.themegraph.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.themegraph.graph.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The 400 for a body that is not a readable JSON document, in the client's terms: an
 * empty body says so, a syntax fault (a duplicate property, bytes that are not UTF-8, a
 * stray character) says what and where, with its JSON pointer in {@code violations} in
 * the shape an invalid document's violations have ({@code pointer}, {@code message}).
 * Never a Java class or method name: Spring's message for an empty body names the
 * controller method, and Jackson's messages may name types.
 */
final class UnreadableBodies {

	/** A Java name Jackson quotes in backticks, such as {@code `java.lang.String`}. */
	private static final Pattern JAVA_NAME = Pattern.compile("`[A-Za-z_$][\\w$]*(\\.[\\w$]+)+(\\[\\])*`");

	private UnreadableBodies() {
	}

	/**
	 * @param ex what Spring's message converter or argument resolver threw
	 * @return a 400 {@code unreadable} problem with a detail and, for a syntax fault,
	 * {@code violations} holding one pointer and message
	 */
	static ProblemDetail problem(HttpMessageNotReadableException ex) {
		JacksonException json = null;
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				json = jackson;
				break;
			}
		}
		if (json == null) {
			// Spring's own refusal: no body at all ("Required request body is missing"),
			// or one no converter could read.
			return Problems.of(HttpStatus.BAD_REQUEST, "unreadable", "Unreadable request body",
					"The body is empty: send a JSON document (a report document or an entity file, "
							+ "docs/report-format.md) as application/json in UTF-8");
		}
		var message = clean(json.getOriginalMessage());
		var location = json.getLocation();
		var where = location == null || location.getLineNr() < 1 ? ""
				: " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
		var problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable", "Unreadable request body",
				"The body is not a readable JSON document: " + message + where);
		problem.setProperty("violations", List.of(Map.of("pointer", pointer(json), "message", message)));
		return problem;
	}

	/**
	 * The JSON pointer of where the parser stood: the property or item being read when it
	 * failed (a duplicate property's own pointer), or the root.
	 */
	private static String pointer(JacksonException ex) {
		if (ex instanceof JsonReading.MalformedUtf8Exception utf8) {
			return utf8.pointer();
		}
		if (ex.processor() instanceof JsonParser parser && parser.streamReadContext() != null) {
			return parser.streamReadContext().pathAsPointer().toString();
		}
		return "";
	}

	/** The first line, Java names replaced, at most 300 characters. */
	static String clean(String message) {
		if (message == null || message.isBlank()) {
			return "malformed JSON";
		}
		var line = message.lines().findFirst().orElse(message);
		line = JAVA_NAME.matcher(line).replaceAll("a value");
		return line.length() > 300 ? line.substring(0, 300) + "..." : line;
	}

}
