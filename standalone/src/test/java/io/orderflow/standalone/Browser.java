package io.orderflow.standalone;

import io.orderflow.standalone.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
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

/**
 * The machine's own headless Chromium, driven by Selenium through the machine's ChromeDriver (Debian's
 * {@code chromium} and {@code chromium-driver}; Selenium Manager cannot download drivers here). Screenshots go to
 * {@code target/console-screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Selenium's own default. */
    private static final Duration POLL = Duration.ofMillis(500);

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private String base;
    private String test;
    private int shots;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts Chromium, installing Debian's packages first where they are missing and this is root on a Debian-like
     * machine (unless {@code ORDERFLOW_BROWSER_INSTALL=false}); or skips the calling test class, saying so in one
     * line, where there is still none.
     */
    public static Browser startOrSkip() {
        if (chromium().isEmpty() || chromedriver().isEmpty()) {
            install();
        }
        Optional<Path> chromium = chromium();
        Optional<Path> chromedriver = chromedriver();
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String line = "browser tests skipped: no Chromium and ChromeDriver on this machine"
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)";
            System.out.println(line);
            Assumptions.abort(line);
        }
        try {
            Path profile = Files.createTempDirectory("orderflow-chromium");
            var options = new ChromeOptions();
            options.setBinary(chromium.get().toFile());
            // no background traffic: this machine's network is closed, and the test checks every request's origin
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-extensions",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            var logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            // Selenium's own choice of port is a random one below the ephemeral range, where FreePorts hands out
            // the platforms' ports without knowing of it (a platform starting beside the console tests once found
            // the Kafka port it had just been given taken). A port from FreePorts is never handed out twice here.
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.get().toFile())
                    .usingPort(FreePorts.any())
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> chromium() {
        return installed("chromium", "chromium-browser", "google-chrome");
    }

    private static Optional<Path> chromedriver() {
        return installed("chromedriver");
    }

    private static void install() {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || installed("apt-get").isEmpty() || "false".equals(System.getenv("ORDERFLOW_BROWSER_INSTALL"))) {
            return;
        }
        System.out.println(
                "browser tests: installing Chromium and ChromeDriver (apt-get install chromium chromium-driver)");
        for (String command : List.of(
                "apt-get install -y -q chromium chromium-driver",
                "apt-get update -q && apt-get install -y -q chromium chromium-driver")) {
            try {
                Process process = new ProcessBuilder("sh", "-c", command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (process.waitFor(10, TimeUnit.MINUTES) && process.exitValue() == 0) {
                    return;
                }
                process.destroyForcibly();
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<Path> installed(String... names) {
        return Stream.of(System.getenv("PATH").split(":"))
                .flatMap(directory -> Stream.of(names).map(name -> Path.of(directory, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A new start for the next test: no session cookie, no page, console logs read and dropped. */
    public void forget(String base, String test) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.test = test;
        this.shots = 0;
        // the session cookie's path is the console's session endpoints: WebDriver's own delete does not reach it
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
        consoleErrors();
    }

    /** Signs in on the console's sign-in page and waits until the console shows the person signed in. */
    public void signIn(String email, String password) {
        open("/console/#/signin");
        type(By.cssSelector("input[name=email]"), email);
        type(By.cssSelector("input[name=password]"), password);
        click(By.cssSelector("button[type=submit]"));
        waitFor(By.xpath("//button[text()='Sign out']"));
    }

    /** Fills the order form's shipping address, in Berlin, with the postal code given. */
    public void fillAddress(String postalCode) {
        type(By.name("shippingAddress.recipient"), "Grace Hopper");
        type(By.name("shippingAddress.line1"), "1 Compiler Way");
        type(By.name("shippingAddress.city"), "Berlin");
        type(By.name("shippingAddress.postalCode"), postalCode);
        type(By.name("shippingAddress.country"), "DE");
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public WebElement waitFor(By what) {
        return until(ExpectedConditions.visibilityOfElementLocated(what), POLL);
    }

    public WebElement present(By what) {
        return until(ExpectedConditions.presenceOfElementLocated(what), POLL);
    }

    public void waitForText(By what, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(what, text), POLL);
    }

    public void waitUntil(BooleanSupplier condition) {
        until(ignored -> condition.getAsBoolean(), Duration.ofMillis(50));
    }

    public void click(By what) {
        until(ExpectedConditions.elementToBeClickable(what), POLL).click();
    }

    /** Waits for the condition; when it does not come, a screenshot is kept and the failure says what the page read. */
    private <T> T until(Function<WebDriver, T> condition, Duration poll) {
        try {
            return new WebDriverWait(driver, WAIT).pollingEvery(poll).until(condition);
        } catch (TimeoutException e) {
            screenshot("timed-out");
            throw new TimeoutException(
                    e.getMessage() + "\nThe page at " + driver.getCurrentUrl() + " read:\n"
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    public void type(By what, String text) {
        WebElement field = waitFor(what);
        field.clear();
        field.sendKeys(text);
    }

    public String text(By what) {
        return waitFor(what).getText();
    }

    public String value(By what) {
        return waitFor(what).getDomProperty("value");
    }

    public List<WebElement> elements(By what) {
        return driver.findElements(what);
    }

    public String activeElementName() {
        return driver.switchTo().activeElement().getDomAttribute("name");
    }

    /** Marks the page now loaded: {@link #pageIsTheMarkedOne()} is false once the browser loads another. */
    public void markPage() {
        run("window.orderflowTestMark = 'unchanged'");
    }

    public boolean pageIsTheMarkedOne() {
        return "unchanged".equals(run("return window.orderflowTestMark"));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** How far the page is wider than the window: 0 or less when nothing scrolls sideways. */
    public long horizontalOverflow() {
        return ((Number) run("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
    }

    /** Every resource the page loaded, itself included, that came from another origin. */
    public List<String> otherOrigins() {
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>)
                run("return [location.href, ...performance.getEntriesByType('resource').map(entry => entry.name)]");
        return urls.stream().filter(url -> !url.startsWith(base + "/")).toList();
    }

    /**
     * The errors the page's console showed since last asked, a refused Content-Security-Policy included; not the
     * API's answers of 4xx, which the page shows as it should (Chromium logs each as an error).
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(
                        entry -> !entry.getMessage()
                                .matches(
                                        ".*/api/\\S* - Failed to load resource: the server responded with a status of 4\\d\\d.*"))
                .map(LogEntry::getMessage)
                .toList();
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(
                    SCREENSHOTS.resolve("%s-%02d-%s.png".formatted(test, ++shots, name)),
                    driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a script in the page and answers what it returns. */
    public Object run(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind
        }
    }
}
