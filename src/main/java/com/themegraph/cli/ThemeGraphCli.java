package com.themegraph.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

import com.themegraph.store.InsufficientStorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The command line ({@code bin/themegraph}): {@code load}, {@code validate},
 * {@code extract} and {@code companies import}, its own entry point beside the service's.
 * A missing or unknown command prints the usage and exits 2; parsing happens before
 * Spring starts, so usage errors and {@code --help} answer at once.
 */
@Command(name = "themegraph", mixinStandardHelpOptions = true, version = "ThemeGraph 0.1.0",
		description = "Loads, checks and drafts broker report documents for the ThemeGraph knowledge graph.",
		subcommands = { LoadCommand.class, ValidateCommand.class, ExtractCommand.class, CompaniesCommand.class })
public class ThemeGraphCli implements Runnable {

	/** The exit code when the store's disk is full. */
	static final int DISK_FULL = 3;

	private static volatile PrintStream console = System.err;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/**
	 * Runs one command and exits with its code: 0 done, 1 some input refused, 2 usage or
	 * failure, 3 the store's disk is full.
	 */
	public static void main(String[] args) {
		// Neo4j writes its own logs with Log4j, under the data directory. When that disk
		// is full, Log4j, and Neo4j's threads whose log writes fail, report it on
		// standard error, burying the one line the command prints; the command speaks on
		// the console alone, and the libraries' standard error is dropped (the service,
		// whose standard error is a log, keeps it).
		if (System.getProperty("log4j2.StatusLogger.level") == null) {
			System.setProperty("log4j2.StatusLogger.level", "OFF");
		}
		var console = System.err;
		System.setErr(new PrintStream(OutputStream.nullOutputStream()));
		System.exit(execute(args, console));
	}

	/**
	 * Where the commands write what a user reads besides their output: the standard error
	 * they began with.
	 */
	static PrintStream console() {
		return console;
	}

	/**
	 * Runs one command, writing its messages to the standard error of the moment.
	 * @param args the command and its arguments, as typed
	 * @return the exit code: 0 done, 1 some input refused, 2 a usage error or a failure,
	 * 3 the store's disk is full
	 */
	public static int execute(String[] args) {
		return execute(args, System.err);
	}

	private static int execute(String[] args, PrintStream messages) {
		console = messages;
		var commandLine = new CommandLine(new ThemeGraphCli());
		commandLine.setErr(new PrintWriter(messages, true));
		// An unknown command gets picocli's "did you mean" and the usage too, like any
		// usage error.
		commandLine.setParameterExceptionHandler((ex, arguments) -> {
			var cmd = ex.getCommandLine();
			cmd.getErr().println(ex.getMessage());
			CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
			cmd.usage(cmd.getErr());
			return 2;
		});
		commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
			cmd.getErr().println("themegraph: " + ex.getMessage());
			// A full disk is worth telling apart from bad usage: a script can free space
			// and retry.
			return ex instanceof InsufficientStorageException ? DISK_FULL : 2;
		});
		return commandLine.execute(args);
	}

	/** No command given: a usage error, like an unknown one. */
	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(),
				"Missing command: load, validate, extract or companies");
	}

}
