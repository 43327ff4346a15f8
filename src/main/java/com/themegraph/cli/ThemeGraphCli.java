package com.themegraph.cli;

import java.util.Set;

import com.themegraph.system.InsufficientStorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of the same jar: {@code load}, {@code validate} and {@code extract}. Any other
 * first argument starts the service. Parsing happens before Spring starts, so usage errors and
 * {@code --help} answer at once.
 */
@Command(name = "themegraph", mixinStandardHelpOptions = true, version = "ThemeGraph 0.1.0",
		description = "Loads, checks and drafts broker report documents for the ThemeGraph knowledge graph.",
		subcommands = { LoadCommand.class, ValidateCommand.class, ExtractCommand.class })
public class ThemeGraphCli implements Runnable {

	private static final Set<String> COMMANDS = Set.of("load", "validate", "extract", "--help", "-h", "--version",
			"-V", "help");

	/** The exit code when the store's disk is full. */
	static final int DISK_FULL = 3;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	public static int execute(String[] args) {
		var commandLine = new CommandLine(new ThemeGraphCli());
		commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
			cmd.getErr().println("themegraph: " + ex.getMessage());
			// A full disk is worth telling apart from bad usage: a script can free space and retry.
			return ex instanceof InsufficientStorageException ? DISK_FULL : 2;
		});
		return commandLine.execute(args);
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

}
