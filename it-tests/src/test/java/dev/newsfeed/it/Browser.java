package dev.newsfeed.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, for the console
 * tests: one browser per test class with a fresh profile, signing in through the console's sign-in page and Sling's
 * form login, as a person does.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final SlingInstance sling;
    private final Path profile;
    private final Path screenshots;

    private Browser(SlingInstance sling, ChromeDriver driver, Path profile) {
        this.sling = sling;
        this.driver = driver;
        this.profile = profile;
        this.screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }

    static Browser start(SlingInstance sling) {
        Path chrome = Path.of(System.getProperty("chrome.binary", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chrome) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("The console tests need Chromium and its driver at " + chrome + " and "
                    + chromedriver + ": apt-get install -y chromium chromium-driver (Debian), or point"
                    + " -Dchrome.binary and -Dchromedriver at them");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("newsfeed-chrome-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(sling, new ChromeDriver(service, options), profile);
    }

    /** The console of a site, through its sign-in page and Sling's login form; waits for the first screen. */
    void signIn(String site, String user, String password) {
        logIn(site, user, password);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .screen h1")));
    }

    /** The console's sign-in page and Sling's login form, without waiting for what the console answers then. */
    void logIn(String site, String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(sling.baseUrl() + site + ".console.html");
        driver.findElement(By.id("signin")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/system/sling/form/login")));
    }

    /** Loads the console on a screen ({@code #articles}, {@code #settings}, ...) and waits for its heading. */
    void open(String site, String hash) {
        driver.get("about:blank"); // a new hash alone would not load the page again
        driver.get(sling.baseUrl() + site + ".console.html" + hash);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .screen h1")));
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    WebElement find(String css) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the status message (role=status) contains the text; returns the message. */
    String status(String contains) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), contains));
        return driver.findElement(By.id("status")).getText();
    }

    String alert(String contains) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), contains));
        return driver.findElement(By.id("alert")).getText();
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves a screenshot of the whole page as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long page = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        long viewport = (Long) driver.executeScript("return window.innerHeight;");
        try {
            if (page > viewport) {
                // headless: a taller window shows the whole page at once
                driver.manage().window().setSize(new Dimension(window.width, (int) (window.height + page - viewport)));
            }
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: the system cleans it eventually
            }
        }
    }
}
