package com.themegraph.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.themegraph.GraphIT;
import com.themegraph.extract.TestPdfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's web page at {@code /}, in a real (headless) Chromium against the seed
 * data: search, the technology, stock, theme and report pages, adding a report (pasted
 * text or a PDF, or a damaged PDF refused) through the review step, and API errors in
 * words. Each test leaves a screenshot of its page in {@code target/screenshots/}. Needs
 * Debian's chromium and chromium-driver, as Neo4jBrowserE2EIT does: skipped with the
 * reason without them, failed under CI=true.
 */
class WebPageE2EIT extends GraphIT {

	static final Path CHROMIUM = Path.of(System.getProperty("themegraph.test.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path
		.of(System.getProperty("themegraph.test.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	/** The seed report's list that names 汤姆猫 under the AI video theme. */
	static final String AI_VIDEO_LIST = "【万兴科技，昆仑万维，美图公司，汤姆猫，风语筑等】";

	WebDriver browser;

	WebDriverWait wait;

	Path profile;

	Path downloads;

	String loadedReport;

	@BeforeEach
	void startChromium() throws IOException {
		var missing = List.of(CHROMIUM, CHROMEDRIVER).stream().filter(path -> !Files.isExecutable(path)).toList();
		if (!missing.isEmpty()) {
			var reason = "Chromium not installed (" + missing
					+ " missing): apt-get install chromium chromium-driver to run the web page tests";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(reason + "; CI must run it (.ci/run installs them)");
			}
			Assumptions.abort(reason);
		}
		profile = Files.createTempDirectory("themegraph-chromium");
		downloads = Files.createTempDirectory("themegraph-downloads");
		// English, so the page's own words are known; the network beyond this machine is
		// off.
		var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterEach
	void stopChromium() {
		if (loadedReport != null) {
			send("DELETE", "/api/reports/" + loadedReport, null, null, "X-API-Key", TEST_API_KEY);
		}
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile.toFile());
		}
		if (downloads != null) {
			FileSystemUtils.deleteRecursively(downloads.toFile());
		}
	}

	@Test
	void searchingTomCatOpensItsStockPageWithThemesQuotesAndGraph() {
		open("/");
		var search = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
		search.sendKeys("汤姆猫");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suggestions"), "300459.SZ"));
		assertThat(browser.findElement(By.id("suggestions")).getText()).contains("汤姆猫 300459.SZ");
		// Keyboard only: the first suggestion, then Enter.
		search.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "汤姆猫 300459.SZ"));
		assertThat(browser.getCurrentUrl()).endsWith("/#/stock/300459.SZ");
		var main = text("main");
		assertThat(main).contains("Zhejiang Jinke Tom Culture Industry")
			.contains("AI 视频技术与工具及落地应用场景")
			.contains("IP 类及动漫动画影视类素材和创意内容产出")
			.contains(AI_VIDEO_LIST)
			.contains("showing 68 of 68");
		var link = browser.findElement(By.id("browser-link")).getAttribute("href");
		assertThat(URLDecoder.decode(link, StandardCharsets.UTF_8))
			.endsWith("/browser/?cmd=edit&arg=MATCH p = (c:Company {code: '300459.SZ'})-[*1..2]-() RETURN p LIMIT 150");
		// vis-network draws the neighbourhood on a canvas.
		wait.until(driver -> !driver.findElements(By.cssSelector(".graph canvas")).isEmpty());
		screenshot("stock-300459.SZ");
	}

	@Test
	void searchingSoraOpensTheRankedStocksWithTheirEvidenceAndFilters() throws IOException {
		open("/");
		browser.findElement(By.id("q")).sendKeys("Sora");
		var suggestion = wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#suggestions a[href='#/technology/sora']")));
		assertThat(suggestion.getText()).isEqualTo("Sora technology");
		suggestion.click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "showing 25 of 25"));
		var stocks = browser.findElements(By.cssSelector("li.stock"));
		assertThat(stocks).hasSize(25);
		assertThat(stocks.stream().limit(5).map(s -> s.getAttribute("data-code"))).containsExactly("1357.HK",
				"300418.SZ", "300459.SZ", "300624.SZ", "603466.SH");
		var tomCat = browser.findElement(By.cssSelector("li.stock[data-code='300459.SZ']")).getText();
		assertThat(tomCat).contains("汤姆猫 300459.SZ")
			.contains("score 4")
			.contains("“Sora 发布有望加速 AI 视频技术迭代进程，持续关注 AI 应用的商业化落地”")
			.contains("德邦证券 · 2024-03-10 – 2024-03-26");
		screenshot("technology-sora");

		// CSV: the API's, one row per evidence step of the stocks the page shows, in its
		// order.
		browser.findElement(By.id("csv")).click();
		var csv = downloads.resolve("sora-stocks.csv");
		wait.until(driver -> Files.isRegularFile(csv));
		var text = Files.readString(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		var rows = text.substring(1).split("\r\n");
		assertThat(rows[0]).isEqualTo("rank,code,exchange,name,nameEn,score,paths,path,pathKind,weight,step,from,to,"
				+ "report,reportTitle,broker,published,quote");
		var title = "Sora 发布有望加速 AI 视频技术迭代进程，持续关注 AI 应用的商业化落地";
		assertThat(List.of(rows).stream().filter(row -> row.startsWith("3,300459.SZ,")))
			.anyMatch(row -> row.endsWith(",report-about,2,ABOUT," + title + ",Sora,tebon-2024-03-sora," + title
					+ ",德邦证券,2024-03-10/2024-03-26," + title));
		assertThat(rows).hasSize(1 + browser.findElements(By.cssSelector("li.stock .step .step")).size());

		// Filters go into the URL, so a filtered list can be shared.
		new Select(browser.findElement(By.id("broker"))).selectByValue("德邦证券");
		wait.until(ExpectedConditions.urlContains("broker="));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "showing 25 of 25"));
		// The API has no broker parameter: the page says its CSV holds every broker.
		assertThat(text("#csv-note"))
			.isEqualTo("The CSV holds every broker: the broker filter applies on this page only.");
		// The dates are the API's: nothing on Sora was published before February 2024.
		open("/#/technology/sora?until=2024-01-31");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "showing 0 of 0"));
	}

	@Test
	void theReportPageHighlightsEveryQuoteAndShowsTheEdgeItSupports() {
		open("/#/report/" + SEED_REPORT);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-text mark")));
		var marks = browser.findElements(By.cssSelector("#report-text mark"));
		var list = marks.stream().filter(m -> m.getText().equals(AI_VIDEO_LIST)).findFirst().orElseThrow();
		assertThat(text("main")).contains("马笑 (证券分析师, S0120522100002)").contains("德邦证券 (Tebon Securities)");
		list.click();
		var edges = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edges"))).getText();
		// One RECOMMENDS edge per listed company, each quoting the list.
		assertThat(edges.lines().filter(line -> line.contains("—RECOMMENDS→"))).containsExactly(
				"AI 视频技术与工具及落地应用场景 —RECOMMENDS→ 万兴科技", "AI 视频技术与工具及落地应用场景 —RECOMMENDS→ 昆仑万维",
				"AI 视频技术与工具及落地应用场景 —RECOMMENDS→ 美图公司", "AI 视频技术与工具及落地应用场景 —RECOMMENDS→ 汤姆猫",
				"AI 视频技术与工具及落地应用场景 —RECOMMENDS→ 风语筑");
		screenshot("report-" + SEED_REPORT);

		// The switch puts the page's own words in Chinese; names stay as printed.
		browser.findElement(By.id("lang")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "全文"));
		assertThat(text("main")).contains("分析师").contains("德邦证券 (Tebon Securities)");
	}

	@Test
	void aPastedReportGoesThroughReviewAndItsNewThemeHasAPage() throws IOException {
		var reportText = new ClassPathResource("fixtures/web-page-report.txt")
			.getContentAsString(StandardCharsets.UTF_8);
		open("/#/add");
		var input = wait.until(ExpectedConditions.elementToBeClickable(By.id("report-input")));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, reportText);
		browser.findElement(By.id("extract")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review li[data-task='u0']")));
		// Each item the draft found is highlighted at its quote in the text beside it.
		assertThat(browser.findElements(By.cssSelector("#draft-area mark")).stream().map(WebElement::getText))
			.contains("【汤姆猫，昆仑】", "行业竞争加剧");
		assertThat(text("#validation")).contains("Not valid against the JSON Schema")
			.contains("required property 'published' not found");
		assertThat(browser.findElement(By.id("load")).isEnabled()).isFalse();
		screenshot("add-draft");

		// Runway: the company, not the tool the extractor chose.
		new Select(browser.findElement(By.id("ambiguous-0"))).selectByValue("runway");
		browser.findElement(By.cssSelector("#review li[data-task='a0'] button")).click();
		// 昆仑 names no listed company: the analyst types the code.
		browser.findElement(By.id("unresolved-0")).sendKeys("300418.SZ");
		browser.findElement(By.cssSelector("#review li[data-task='u0'] button")).click();
		((JavascriptExecutor) browser)
			.executeScript("document.getElementById('published-earliest').value = '2024-04-08'");
		browser.findElement(By.cssSelector("#review li[data-task='m0'] button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("validation"),
				"Valid against the JSON Schema"));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("load")));

		// A wrong key: the API's problem, in words.
		browser.findElement(By.id("writer-key")).sendKeys("not-the-key");
		browser.findElement(By.id("load")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("load-result"), "Credentials required"));
		assertThat(text("#load-result")).isEqualTo("Credentials required (401)\n"
				+ "This request needs the API key, in an X-API-Key header or as the HTTP Basic password");
		screenshot("add-wrong-key");

		var key = browser.findElement(By.id("writer-key"));
		key.clear();
		key.sendKeys(TEST_API_KEY);
		browser.findElement(By.id("load")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("load-result"), "Loaded: "));
		var reportLink = browser.findElement(By.cssSelector("#load-result a[href^='#/report/']")).getAttribute("href");
		loadedReport = reportLink.substring(reportLink.indexOf("#/report/") + "#/report/".length());
		assertThat(text("#load-result")).contains("AI 配音走向规模化，虚拟主播打开内容新空间 (NEW)");
		// The key lives in this tab's session only.
		assertThat((String) ((JavascriptExecutor) browser).executeScript(
				"return Object.keys(localStorage).join(',') + '|' + sessionStorage.getItem('themegraph.writerKey')"))
			.doesNotContain("writerKey")
			.endsWith("|" + TEST_API_KEY);
		screenshot("add-loaded");

		browser.findElement(By.linkText("AI 配音与虚拟主播")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "AI 配音与虚拟主播"));
		assertThat(browser.findElements(By.cssSelector("tr[data-code]")).stream().map(r -> r.getAttribute("data-code")))
			// In the report's order, the typed code last as the analyst added it.
			.containsExactly("300459.SZ", "300418.SZ");
		assertThat(text("main")).contains("“【汤姆猫，昆仑】”").contains("AI 配音走向规模化，虚拟主播打开内容新空间");
		screenshot("theme-new");
		// What was loaded is what the analyst settled.
		assertThat(count("MATCH (:Report {id: '" + loadedReport + "'})-[:MENTIONS]->(o:Organization {id: 'runway'}) "
				+ "RETURN count(o)"))
			.isEqualTo(1);
	}

	/**
	 * A one-page report written for this test in the seed's layout: header, analyst,
	 * title, points with a list of recommended companies, risks and the broker's notice.
	 */
	static final List<String> PDF_REPORT = List.of("传媒", "优于大市（维持）", "证券分析师", "马笑", "资格编号：S0120522100002",
			"AI 数字人进入直播间，虚拟偶像运营走向成熟", "投资要点：", "- 数字人直播的时长与互动质量继续提升，运营成本明显下降。", "- 建议关注 AI 数字人与虚拟直播相关公司：【汤姆猫，万兴科技】等。",
			"风险提示：技术发展不及预期；行业竞争加剧。", "本报告仅供德邦证券股份有限公司（以下简称“本公司”）的客户使用。");

	@Test
	void aPdfChosenOnThePageGivesItsDraftAndADamagedOneSaysWhy() throws IOException {
		TestPdfs.requireFont();
		var pdf = downloads.resolve("digital-humans.pdf");
		Files.write(pdf, TestPdfs.pages(List.of(PDF_REPORT)));
		open("/#/add");
		// The browser's own file chooser cannot be driven: WebDriver types the path into
		// the input instead, as a user picking the file would set it.
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-pdf")))
			.sendKeys(pdf.toAbsolutePath().toString());
		browser.findElement(By.id("extract")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#draft-items li")));
		assertThat(browser.findElements(By.cssSelector("#draft-items > ul:first-of-type > li > strong"))
			.stream()
			.map(WebElement::getText)).containsExactly("AI 数字人与虚拟直播");
		assertThat(browser.findElements(By.cssSelector("#draft-items > ul:first-of-type > li > ul > li"))
			.stream()
			.map(WebElement::getText))
			// The group's name says 数字人, which the vocabulary knows: the theme is about
			// it.
			.containsExactly("汤姆猫 300459.SZ ×", "万兴科技 300624.SZ ×", "→ digital-human ×");
		// The text read from the PDF is shown, each quote highlighted in it.
		assertThat(text("#report-text")).contains("AI 数字人进入直播间，虚拟偶像运营走向成熟");
		assertThat(browser.findElements(By.cssSelector("#report-text mark")).stream().map(WebElement::getText))
			.contains("【汤姆猫，万兴科技】", "行业竞争加剧");
		screenshot("add-pdf-draft");

		var damaged = downloads.resolve("damaged.pdf");
		Files.write(damaged, "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII));
		// The same address again does not reload the page: refresh, so the draft above is
		// gone and the input holds this file only.
		browser.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-pdf")))
			.sendKeys(damaged.toAbsolutePath().toString());
		browser.findElement(By.id("extract")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#draft-area .problem")));
		assertThat(text("#draft-area .problem")).isEqualTo("PDF damaged (400)\n"
				+ "The PDF is damaged and cannot be read (Missing root object specification in trailer.)");
		assertThat(browser.findElements(By.cssSelector("#report-text"))).isEmpty();
		screenshot("add-pdf-damaged");
	}

	@Test
	void anUnknownStockShowsTheProblemInWords() {
		open("/#/stock/999999.SZ");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .problem")));
		// The directory's listed codes one digit off are offered.
		assertThat(text("main .problem")).startsWith("Not found (404)\nNo listed company with code 999999.SZ\n→ ")
			.contains("000999.SZ");
		screenshot("error-unknown-stock");
	}

	private void open(String path) {
		browser.get(uri("/").toString().replaceFirst("/$", "") + path);
	}

	private String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private void screenshot(String name) {
		try {
			var shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
