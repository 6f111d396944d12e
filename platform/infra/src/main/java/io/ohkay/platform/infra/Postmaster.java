package io.ohkay.platform.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The postmaster process of a PostgreSQL data directory, found through its {@code postmaster.pid}
 * file (first line: the process id).
 *
 * @param dataDir the PostgreSQL data directory
 * @param process the running postmaster
 */
record Postmaster(Path dataDir, ProcessHandle process) {

  private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);

  /** The postmaster running on {@code dataDir}, if its pid file names a live postgres process. */
  static Optional<Postmaster> of(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      List<String> lines =
          Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : List.of();
      return lines.isEmpty()
          ? Optional.empty()
          : ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
              .filter(ProcessHandle::isAlive)
              .filter(Postmaster::isPostgres)
              .map(process -> new Postmaster(dataDir, process));
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Unreadable {}: {}", pidFile, e.toString());
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
  }

  /**
   * Stops it with {@code SIGINT}, PostgreSQL's fast shutdown, as {@code pg_ctl stop -m fast} does
   * (pg_ctl itself refuses to run as root), and waits until it is gone.
   */
  void stop() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(10, TimeUnit.SECONDS);
    if (!awaitExit(Duration.ofSeconds(60))) {
      throw new IllegalStateException(
          "PostgreSQL (pid " + process.pid() + ") on " + dataDir + " did not stop");
    }
  }

  /** Waits until the postmaster process is gone. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return !process.isAlive();
    }
  }
}
