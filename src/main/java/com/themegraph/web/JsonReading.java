package com.themegraph.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.io.InputDecorator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * How every JSON document the service reads is parsed (request bodies, seed data, entity
 * files and the command line's files all go through the one {@link JsonMapper}): strictly
 * as RFC 8259 has it, where Jackson's defaults are looser.
 * <ul>
 * <li>A property twice in one object is refused (Jackson's
 * {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}); by default the last one won, and
 * {@code validate} called the document valid.</li>
 * <li>Bytes that are not well-formed UTF-8 are refused with the JSON pointer of where
 * they stand ({@link StrictUtf8}); Jackson's UTF-8 decoder checks lead and continuation
 * bytes but not overlong forms, so {@code C0 AF} was read as {@code /}.</li>
 * </ul>
 * The builder is Spring Boot's, with the same customizers applied in the same order (the
 * {@code spring.jackson.*} properties, problem details); only its stream factory is set
 * here, since a factory cannot be changed once a builder holds it.
 */
@Configuration(proxyBeanMethods = false)
class JsonReading {

	/**
	 * @param customizers Spring Boot's and any others, in their order
	 * @return a fresh builder for each mapper, as Spring Boot's is
	 */
	@Bean
	@Scope("prototype")
	JsonMapper.Builder strictJsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
		var builder = JsonMapper.builder(strictFactory());
		customizers.forEach(customizer -> customizer.customize(builder));
		return builder;
	}

	/** The stream factory every JSON read goes through. */
	static JsonFactory strictFactory() {
		return JsonFactory.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.inputDecorator(new StrictUtf8())
			.build();
	}

	/**
	 * Checks that a JSON byte stream is well-formed UTF-8 (RFC 3629: no overlong forms,
	 * no encoded surrogates, nothing past U+10FFFF) before Jackson decodes it, with
	 * Java's own UTF-8 decoder, which refuses exactly those. The bytes are held to be
	 * checked whole: a document is at most the request size (8 MB) or a seed file, and
	 * the parsed tree takes more than its bytes anyway. Text already decoded (a
	 * {@link Reader}) is passed on.
	 */
	static final class StrictUtf8 extends InputDecorator {

		@Override
		public InputStream decorate(IOContext context, InputStream in) {
			byte[] bytes;
			try {
				bytes = in.readAllBytes();
			}
			catch (IOException ex) {
				// As Jackson reports a failed read itself: a body over the size limit or
				// too slow stays the 413 or 408 it is.
				throw JacksonIOException.construct(ex);
			}
			check(bytes, 0, bytes.length);
			return new ByteArrayInputStream(bytes);
		}

		@Override
		public InputStream decorate(IOContext context, byte[] src, int offset, int length) {
			check(src, offset, length);
			return null;
		}

		@Override
		public Reader decorate(IOContext context, Reader reader) {
			return reader;
		}

		/**
		 * @throws MalformedUtf8Exception at the first byte that is not well-formed UTF-8,
		 * with its offset and the JSON pointer of the value or name it is in
		 */
		static void check(byte[] bytes, int offset, int length) {
			var decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			var in = ByteBuffer.wrap(bytes, offset, length);
			var out = CharBuffer.allocate(8192);
			while (true) {
				CoderResult result = decoder.decode(in, out, true);
				if (result.isError()) {
					int at = in.position() - offset;
					throw new MalformedUtf8Exception(at, pointerAt(bytes, offset, at));
				}
				if (result.isUnderflow()) {
					break;
				}
				out.clear();
			}
			try {
				decoder.flush(out.clear());
			}
			catch (RuntimeException ex) {
				throw new MalformedUtf8Exception(length, "");
			}
		}

		/**
		 * Where in the document byte {@code at} stands, as a JSON pointer: the bytes
		 * before it are parsed (without this check) until they run out, and the parser's
		 * path then is the value or name the bad bytes are part of. Only run once a fault
		 * is found.
		 */
		private static String pointerAt(byte[] bytes, int offset, int at) {
			var plain = JsonFactory.builder().build();
			try (var parser = plain.createParser(tools.jackson.core.ObjectReadContext.empty(), bytes, offset, at)) {
				try {
					while (parser.nextToken() != null) {
						// Walk to where the good bytes end.
					}
				}
				catch (JacksonException ex) {
					// The cut string: the path is where it was cut.
				}
				return parser.streamReadContext().pathAsPointer().toString();
			}
			catch (JacksonException ex) {
				return "";
			}
		}

	}

	/**
	 * A JSON document's bytes are not well-formed UTF-8. The message says which byte and
	 * where; {@link #pointer()} is the JSON pointer of the value or name holding it.
	 */
	static final class MalformedUtf8Exception extends StreamReadException {

		private final String pointer;

		MalformedUtf8Exception(long byteOffset, String pointer) {
			super("The bytes are not well-formed UTF-8 at byte " + byteOffset
					+ " (JSON is UTF-8, RFC 8259: no overlong forms, encoded surrogates or bytes UTF-8 never uses)");
			this.pointer = pointer;
		}

		String pointer() {
			return pointer;
		}

	}

}
