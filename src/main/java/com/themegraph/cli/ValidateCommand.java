package com.themegraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.themegraph.ingest.DocumentLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Checks documents as load would (schema, verbatim quotes, known ids), writing nothing: "
				+ "the checks run in one transaction that is rolled back. Exits 1 if any file is invalid.")
class ValidateCommand implements Callable<Integer> {

	@Parameters(paramLabel = "PATH", arity = "1..*", description = "report documents, entity files or folders")
	List<Path> paths;

	@Override
	public Integer call() {
		try (var session = GraphSession.open()) {
			var documents = DocumentFiles.read(paths, session.bean(JsonMapper.class));
			var loader = session.bean(DocumentLoader.class);
			// Entity files in the same call must count for the reports that follow them,
			// as in `load`: so they are loaded, inside a transaction that is then rolled
			// back.
			var invalid = new TransactionTemplate(session.bean(PlatformTransactionManager.class)).execute(status -> {
				var failures = DocumentFiles.each(documents, "Validating",
						document -> loader.load(document.json(), document.path().toString()));
				status.setRollbackOnly();
				return failures;
			});
			invalid.forEach(line -> ThemeGraphCli.console().println("invalid: " + line));
			System.out.printf("%d valid, %d invalid%n", documents.size() - invalid.size(), invalid.size());
			return invalid.isEmpty() ? 0 : 1;
		}
	}

}
