package com.themegraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.themegraph.ingest.DocumentLoader;
import com.themegraph.ingest.InvalidDocumentException;
import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

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
			var invalid = new java.util.ArrayList<String>();
			// Entity files in the same call must count for the reports that follow them, as in
			// `load`: so they are loaded, inside a transaction that is then rolled back.
			new TransactionTemplate(session.bean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
				try (var progress = LoadCommand.progressBar("Validating", documents.size())) {
					for (var document : documents) {
						if (document.unreadable() != null) {
							invalid.add(document.path() + ": " + document.unreadable());
						}
						else {
							try {
								loader.load(document.json(), document.path().toString());
							}
							catch (InvalidDocumentException ex) {
								invalid.add(ex.getMessage());
							}
						}
						progress.step();
					}
				}
				status.setRollbackOnly();
			});
			invalid.forEach(line -> System.err.println("invalid: " + line));
			System.out.printf("%d valid, %d invalid%n", documents.size() - invalid.size(), invalid.size());
			return invalid.isEmpty() ? 0 : 1;
		}
	}

}
