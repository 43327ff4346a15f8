package com.themegraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
		description = "Drafts a report document from a report's plain text, for a person to review; writes nothing.")
class ExtractCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE.txt", description = "the report's plain text (UTF-8)")
	Path file;

	@Override
	public Integer call() {
		throw new UnsupportedOperationException("extract is not available in this build");
	}

}
