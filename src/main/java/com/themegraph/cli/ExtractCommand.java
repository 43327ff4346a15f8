package com.themegraph.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.themegraph.extract.PdfRefusedException;
import com.themegraph.extract.PdfReports;
import com.themegraph.extract.PdfText;
import com.themegraph.extract.ReportExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "extract", mixinStandardHelpOptions = true,
		description = "Drafts a report document from a report's plain text or PDF, for a person to review: names are "
				+ "resolved against the graph, and what needs a person's eye is listed under \"review\". "
				+ "Writes nothing to the graph.")
class ExtractCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE",
			description = "the report's plain text (UTF-8) or its PDF (known by its %PDF- header, whatever its name)")
	Path file;

	@Option(names = { "-o", "--output" }, paramLabel = "DRAFT.json",
			description = "write the draft here instead of to standard output")
	Path output;

	@Override
	public Integer call() throws IOException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException(file + ": no such file");
		}
		boolean pdf = PdfText.isPdf(bytes);
		if (!pdf && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
			throw new IllegalArgumentException(file + ": not a PDF (no %PDF- header); damaged or not a PDF at all");
		}
		String text = null;
		if (!pdf) {
			try {
				// A strict decoder: a GBK or UTF-16 file is refused, not silently turned
				// into mojibake.
				text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
			}
			catch (CharacterCodingException ex) {
				throw new IllegalArgumentException(file + ": not UTF-8 text");
			}
			if (text.isBlank()) {
				throw new IllegalArgumentException(file + ": the file is empty");
			}
		}
		try (var session = GraphSession.open()) {
			JsonNode draft;
			try {
				draft = pdf ? session.bean(PdfReports.class).extract(bytes)
						: session.bean(ReportExtractor.class).extract(text);
			}
			catch (PdfRefusedException ex) {
				throw new IllegalArgumentException(file + ": " + ex.getMessage());
			}
			var pretty = session.bean(JsonMapper.class)
				.rebuild()
				.enable(SerializationFeature.INDENT_OUTPUT)
				.build()
				.writeValueAsString(draft);
			if (output != null) {
				Files.writeString(output, pretty + "\n", StandardCharsets.UTF_8);
				ThemeGraphCli.console()
					.println("draft written to " + output + "; review it, remove \"review\", then load it");
			}
			else {
				System.out.println(pretty);
			}
			return 0;
		}
	}

}
