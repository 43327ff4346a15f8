package com.themegraph.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The service as users run it, in a process of its own, on a store that is already loaded:
 * how long until it answers, and how much memory it took.
 */
final class ServiceProcess implements AutoCloseable {

	/** The embedded store's password in the benchmark's own throwaway stores, for the driver baseline. */
	static final String PASSWORD = "benchmark-store-password";

	private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	/** The heap summary the JVM logs at exit: a peak when no collection ran. */
	private static final Pattern EXIT_LINE = Pattern.compile("heap.*used (\\d+)K");

	final int httpPort;

	final int boltPort;

	final long startToFirstAnswerNanos;

	private final Process process;

	private final Path gcLog;

	private long peakResident = -1;

	private ServiceProcess(Process process, int httpPort, int boltPort, long nanos, Path gcLog) {
		this.process = process;
		this.httpPort = httpPort;
		this.boltPort = boltPort;
		this.startToFirstAnswerNanos = nanos;
		this.gcLog = gcLog;
	}

	/**
	 * Starts the service jar ({@code serviceJar}), or this JVM's class path when there is none,
	 * and waits for {@code probe} to answer 200.
	 */
	static ServiceProcess start(Path serviceJar, Path dataDirectory, Path logDirectory, String heap, String pageCache,
			String probe)
			throws IOException, InterruptedException {
		Files.createDirectories(logDirectory);
		int httpPort = freePort();
		int boltPort = freePort();
		var gcLog = logDirectory.resolve("service-gc.log");
		Files.deleteIfExists(gcLog);
		var java = ProcessHandle.current().info().command().orElse("java");
		var command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xlog:gc,gc+heap+exit:file=" + gcLog.toAbsolutePath()));
		if (serviceJar != null) {
			command.addAll(List.of("-jar", serviceJar.toAbsolutePath().toString()));
		}
		else {
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.themegraph.ThemeGraphApplication"));
		}
		command.addAll(List.of("--server.port=" + httpPort,
				"--themegraph.embedded.data-directory=" + dataDirectory.toAbsolutePath(),
				"--themegraph.embedded.bolt-port=" + boltPort, "--themegraph.embedded.password=" + PASSWORD,
				"--themegraph.embedded.page-cache=" + pageCache));
		var log = logDirectory.resolve("service.log").toFile();
		long started = System.nanoTime();
		var process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log))
			.start();
		// Never outlives the benchmark, even one stopped with Ctrl-C.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + probe))
			.timeout(Duration.ofSeconds(30))
			.build();
		long deadline = started + Duration.ofMinutes(10).toNanos();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The service stopped before answering (exit " + process.exitValue()
						+ "); see " + log);
			}
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					break;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			if (System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IllegalStateException("The service did not answer " + probe + " within 10 minutes; see " + log);
			}
			Thread.sleep(20);
		}
		return new ServiceProcess(process, httpPort, boltPort, System.nanoTime() - started, gcLog);
	}

	long pid() {
		return process.pid();
	}

	/** Peak resident memory so far (VmHWM). */
	long peakResidentBytes() {
		if (process.isAlive()) {
			peakResident = Math.max(peakResident, PeakMemory.peakResidentBytes(process.pid()));
		}
		return peakResident;
	}

	/** The fullest the heap was before a collection, from the GC log; complete once stopped. */
	long peakHeapBytes() {
		long peak = -1;
		try {
			if (Files.exists(gcLog)) {
				for (var line : Files.readAllLines(gcLog)) {
					var matcher = GC_LINE.matcher(line);
					if (matcher.find()) {
						peak = Math.max(peak, Long.parseLong(matcher.group(1)) * 1024 * 1024);
					}
					var exit = EXIT_LINE.matcher(line);
					if (exit.find()) {
						peak = Math.max(peak, Long.parseLong(exit.group(1)) * 1024);
					}
				}
			}
		}
		catch (IOException ex) {
			// No figure rather than a failed run.
		}
		return peak;
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		peakResidentBytes();
		process.destroy();
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}


}
