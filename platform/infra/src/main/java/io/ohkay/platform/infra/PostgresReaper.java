package io.ohkay.platform.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops PostgreSQL when this JVM dies without running its shutdown hooks ({@code SIGKILL}): a tiny
 * {@code sh} child reads its standard input, a pipe only we hold, and at end of input (we are gone)
 * sends {@code SIGINT} (fast shutdown) to the postmaster named by {@code postmaster.pid}, if that
 * file is still there and names a postgres process. Cancelled after a normal stop.
 */
final class PostgresReaper {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresReaper.class);
  private static final String SCRIPT =
      """
      while read -r _; do :; done
      pid=$(head -n 1 "$0/postmaster.pid" 2>/dev/null) || exit 0
      if [ ! -r "/proc/$pid/comm" ] || grep -q postgres "/proc/$pid/comm"; then
        echo "Parent JVM gone: stopping PostgreSQL (pid $pid)"
        kill -INT "$pid"
      fi
      """;

  private final Process process;

  private PostgresReaper(Process process) {
    this.process = process;
  }

  /** Watches the postmaster of {@code dataDir}; empty if no {@code sh} could be started. */
  static Optional<PostgresReaper> watch(Path dataDir, Path log) {
    try {
      Process process =
          new ProcessBuilder("sh", "-c", SCRIPT, dataDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return Optional.of(new PostgresReaper(process));
    } catch (IOException e) {
      LOG.warn("Cannot start the postgres reaper: postgres would survive a crash of this JVM", e);
      return Optional.empty();
    }
  }

  long pid() {
    return process.pid();
  }

  /** Ends the watch after a normal stop. */
  void cancel() {
    process.destroy();
  }
}
