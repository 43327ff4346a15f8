package com.themegraph.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 problem details, a query string that is not percent-encoded UTF-8 (a
 * {@code %} without two hex digits after it, or escapes that decode to bytes UTF-8 does
 * not allow), before anything else sees the request.
 * <p>
 * Tomcat decodes parameters lazily, when some component first asks for one, and then
 * throws an unchecked {@code InvalidParameterException} from deep inside that component
 * (an actuator endpoint, an argument resolver), which Spring reports as a 500 with a
 * stack trace. Tomcat offers no switch to check the query string up front, and asking it
 * to parse parameters here would also read a form body, so the raw query string is
 * checked here, the way Tomcat decodes it: UTF-8 (its default URI encoding, which the
 * service keeps), {@code +} as a space.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class QueryStringFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	QueryStringFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var fault = fault(request.getQueryString());
		if (fault.isPresent()) {
			ProblemResponses.write(request, response, json, HttpStatus.BAD_REQUEST, "bad-query-string",
					"Malformed query string", fault.get());
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * What is wrong with a raw query string, if anything.
	 * @param query the query string as sent (still percent-encoded), or null when there
	 * is none
	 * @return a sentence for the client naming the fault, or empty when the string
	 * decodes as UTF-8
	 */
	static Optional<String> fault(String query) {
		if (query == null || query.isEmpty()) {
			return Optional.empty();
		}
		var bytes = new ByteArrayOutputStream(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c != '%') {
				// Tomcat refuses raw non-ASCII in a request line itself, so anything here
				// is one byte.
				bytes.write(c);
				continue;
			}
			if (i + 2 >= query.length() || !isHex(query.charAt(i + 1)) || !isHex(query.charAt(i + 2))) {
				return Optional.of("The query string has a '%' at character " + (i + 1)
						+ " that is not followed by two hex digits; encode '%' itself as %25");
			}
			bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
			i += 2;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return Optional.empty();
		}
		catch (CharacterCodingException ex) {
			return Optional.of("The query string's percent-escapes do not decode as UTF-8; "
					+ "encode text as UTF-8 before percent-encoding it");
		}
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0 && c < 128;
	}

}
