package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver ({@code
 * scripts/install-chromium.sh} installs both; Maven runs it before the ITs). Both paths are given
 * explicitly, so Selenium Manager never looks for (or downloads) a driver or a browser.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;

  HeadlessChromium() {
    for (var binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      assertThat(Files.isExecutable(binary))
          .as("%s is missing: run scripts/install-chromium.sh (as root)", binary)
          .isTrue();
    }
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: the build runs as root, where Chromium's sandbox refuses to start.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-extensions",
        "--no-first-run");
    this.driver = new ChromeDriver(service, options);
  }

  /** Loads {@code url} in the one tab (unloading the page before it, and its connections). */
  void open(String url) {
    driver.get(url);
  }

  /** Runs {@code script} in the page, as the body of a function given {@code arguments}. */
  @Nullable Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
