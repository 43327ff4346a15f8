package com.themegraph.cli;

import com.themegraph.store.InsufficientStorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The command line ({@code bin/themegraph}): {@code load}, {@code validate} and
 * {@code extract}, its own entry point beside the service's. A missing or unknown command
 * prints the usage and exits 2; parsing happens before Spring starts, so usage errors and
 * {@code --help} answer at once.
 */
@Command(name = "themegraph", mixinStandardHelpOptions = true, version = "ThemeGraph 0.1.0",
		description = "Loads, checks and drafts broker report documents for the ThemeGraph knowledge graph.",
		subcommands = { LoadCommand.class, ValidateCommand.class, ExtractCommand.class })
public class ThemeGraphCli implements Runnable {

	/** The exit code when the store's disk is full. */
	static final int DISK_FULL = 3;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/**
	 * Runs one command and exits with its code: 0 done, 1 some input refused, 2 usage or
	 * failure, 3 the store's disk is full.
	 */
	public static void main(String[] args) {
		// Neo4j writes its own logs with Log4j, under the data directory. When that disk
		// is full,
		// Log4j reports every failed write on standard error, burying the one line the
		// command
		// prints about it; the service, whose standard error is a log, keeps them.
		if (System.getProperty("log4j2.StatusLogger.level") == null) {
			System.setProperty("log4j2.StatusLogger.level", "OFF");
		}
		System.exit(execute(args));
	}

	/**
	 * @param args the command and its arguments, as typed
	 * @return the exit code: 0 done, 1 some input refused, 2 a usage error or a failure,
	 * 3 the store's disk is full
	 */
	public static int execute(String[] args) {
		var commandLine = new CommandLine(new ThemeGraphCli());
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
		throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: load, validate or extract");
	}

}
