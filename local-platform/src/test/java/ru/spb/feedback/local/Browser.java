package ru.spb.feedback.local;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * A real headless Chromium driven through chromedriver: Debian's {@code chromium} and {@code chromium-driver}
 * (the same version by construction). When they are missing and this runs as root on a machine with apt, it installs
 * them, so a fresh machine needs no manual step; otherwise it fails saying what to install. Selenium Manager is never
 * asked (it would download from the internet): both executables are given explicitly.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(45);

    private final WebDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Browser(WebDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** A desktop browser window, screenshots going to {@code screenshots}. */
    static Browser desktop(int width, int height, Path screenshots) throws Exception {
        return start(width, height, false, screenshots);
    }

    /** A phone: the viewport of one (Chrome's device emulation; a headless window is never narrower than 500 px). */
    static Browser phone(int width, int height, Path screenshots) throws Exception {
        return start(width, height, true, screenshots);
    }

    private static Browser start(int width, int height, boolean phone, Path screenshots) throws Exception {
        ensureInstalled();
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the flags a closed network needs: no background connections to Google, no GPU, no sandbox as root
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=ru-RU", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        if (phone) {
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        Files.createDirectories(screenshots);
        return new Browser(driver, profile, screenshots);
    }

    private static synchronized void ensureInstalled() throws Exception {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            System.out.println("installing chromium and chromium-driver from Debian's packages …");
            Process install = new ProcessBuilder("apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium", "chromium-driver")
                    .inheritIO().start();
            install.getOutputStream().close();
            if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new IllegalStateException("apt-get install chromium chromium-driver failed");
            }
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Chromium and its chromedriver: install the packages "
                    + "chromium and chromium-driver (Debian/Ubuntu), or set CHROMIUM_BIN and CHROMEDRIVER_BIN");
        }
    }

    void open(String url) {
        driver.get(url);
        awaitReady();
    }

    /** Goes to a route of the already open app (#/…), as a link would, and waits for the page to be drawn. */
    void go(String hash) {
        ((JavascriptExecutor) driver).executeScript("document.body.dataset.shown = '';"
                + "if (location.hash === arguments[0]) window.dispatchEvent(new HashChangeEvent('hashchange'));"
                + "else location.hash = arguments[0];", hash);
        awaitShown(hash);
    }

    /** The app marks the address each page was drawn for on {@code <body data-shown>}, once the page is complete. */
    void awaitShown(String hash) {
        await("the page " + hash, d -> hash.equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.shown")));
    }

    private void awaitReady() {
        await("the app to start", d -> "true".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
    }

    WebElement find(String css) {
        return await(css, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        WebElement element = find(css);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void type(String css, String text) {
        WebElement element = find(css);
        element.clear();
        element.sendKeys(text);
    }

    /** Waits until the element's text contains {@code text}, and answers the whole text. */
    String awaitText(String css, String text) {
        return await("«" + text + "» in " + css, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.stream().map(WebElement::getText).filter(t -> t.contains(text)).findFirst().orElse(null);
        });
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        // a live update may redraw the page between finding an element and reading it: look again
        return new WebDriverWait(driver, WAIT).withMessage("waiting for " + what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebDriver driver() {
        return driver;
    }

    /** A PNG of the whole window, for the README and for looking at a failure. */
    Path screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(name + ".png");
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** What the page logged (errors, refused resources), for a failing test's report. */
    String consoleLog() {
        StringBuilder out = new StringBuilder();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            out.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it in the end
        }
    }
}
