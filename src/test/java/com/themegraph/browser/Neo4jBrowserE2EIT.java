package com.themegraph.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A researcher's first visit, in a real (headless) Chromium: open /browser, log Neo4j
 * Browser in to the embedded Bolt connector over WebSocket with the store's password,
 * type a query, read the answer. Needs Debian's chromium and chromium-driver (.ci/run
 * installs them); elsewhere it is skipped with the reason, but under CI=true a missing
 * Chromium fails it, so it cannot silently never run.
 */
class Neo4jBrowserE2EIT extends GraphIT {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Neo4jBrowserE2EIT.class);

	static final Path CHROMIUM = Path.of(System.getProperty("themegraph.test.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path
		.of(System.getProperty("themegraph.test.chromedriver", "/usr/bin/chromedriver"));

	@Autowired
	Neo4jConnectionDetails neo4jConnection;

	@Autowired
	com.themegraph.store.EmbeddedNeo4jProperties embedded;

	WebDriver browser;

	Path profile;

	@BeforeEach
	void startChromium() throws Exception {
		var missing = List.of(CHROMIUM, CHROMEDRIVER).stream().filter(path -> !Files.isExecutable(path)).toList();
		if (!missing.isEmpty()) {
			var reason = "Chromium not installed (" + missing
					+ " missing): apt-get install chromium chromium-driver to run the Neo4j Browser test";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(reason + "; CI must run it (.ci/run installs them)");
			}
			Assumptions.abort(reason);
		}
		profile = Files.createTempDirectory("themegraph-chromium");
		// Everything that would reach beyond this machine is off: the network here is
		// closed.
		var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
		// The driver is named explicitly, so Selenium Manager never tries to download
		// one.
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.withLogOutput(java.io.OutputStream.nullOutputStream())
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopChromium() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(profile);
		}
	}

	private String password() {
		try {
			return Files.readString(embedded.dataDirectory().resolve("neo4j-password")).strip();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void researcherOpensBrowserLogsInAndCountsTheCompanies() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		try {
			long start = System.nanoTime();
			browser.get(uri("/browser").toString());
			assertThat(browser.getCurrentUrl())
				.contains("connectURL=" + neo4jConnection.getUri().toString().replace("bolt://", "bolt://neo4j@"))
				.contains("preselectAuthMethod=NATIVE");
			long loaded = System.nanoTime();

			// The store asks for its password: the form comes with the address and user
			// filled in, and the researcher types the password (here: the one generated
			// into the data folder).
			var passwordField = wait
				.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=password]")));
			passwordField.sendKeys(password());
			browser.findElement(By.cssSelector("[data-testid=connect]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "You are connected"));
			long connected = System.nanoTime();

			var editor = wait
				.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=activeEditor]")));
			editor.click();
			new Actions(browser).sendKeys("MATCH (:Theme)-[:RECOMMENDS]->(c:Company) RETURN count(DISTINCT c)")
				.perform();
			browser.findElement(By.cssSelector("[data-testid=editor-Run]")).click();

			// The result frame's table: the column, the row number, the value.
			var frame = wait.until(driver -> driver.findElements(By.cssSelector("[data-testid=frame]"))
				.stream()
				.filter(f -> f.getText().contains("MATCH (:Theme)-[:RECOMMENDS]->(c:Company) RETURN count(DISTINCT c)")
						&& f.getText().contains("Started streaming"))
				.findFirst()
				.orElse(null));
			assertThat(frame.getText()).contains("\ncount(DISTINCT c)\n1\n25\n")
				.contains("Started streaming 1 records");
			// The store tells Neo4j Browser not to send usage data
			// (client.allow_telemetry=false).
			assertThat(browser.findElement(By.tagName("body")).getText())
				.doesNotContain("collect information on product usage");
			((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).renameTo(new File("target/neo4j-browser.png"));
			log.info("Neo4j Browser: page loaded in {} ms, connected {} ms later, answer {} ms after that",
					(loaded - start) / 1_000_000, (connected - loaded) / 1_000_000,
					(System.nanoTime() - connected) / 1_000_000);
		}
		catch (RuntimeException | AssertionError ex) {
			var shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			var kept = new File("target/neo4j-browser-failure.png");
			shot.renameTo(kept);
			throw new AssertionError("Neo4j Browser test failed; page as seen: " + kept.getAbsolutePath() + "\n"
					+ browser.findElement(By.tagName("body")).getText(), ex);
		}
	}

}
