package io.ohkay.projector.rebuild;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a rebuild's progress every few seconds: records done, records per second and ETA. */
final class RebuildProgress {

  private static final Logger LOG = LoggerFactory.getLogger(RebuildProgress.class);
  private static final long EVERY_NANOS = Duration.ofSeconds(5).toNanos();

  private final String label;
  private final long total;
  private final long startedAt = System.nanoTime();
  private long lastLoggedAt = startedAt;
  private long done;

  RebuildProgress(String label, long total) {
    this.label = label;
    this.total = total;
    LOG.info("{}: replaying {} events", label, total);
  }

  void advance(long records) {
    done += records;
    var now = System.nanoTime();
    if (now - lastLoggedAt >= EVERY_NANOS) {
      lastLoggedAt = now;
      LOG.info("{}", line(now));
    }
  }

  void finished() {
    LOG.info("{} (done)", line(System.nanoTime()));
  }

  String line(long now) {
    var seconds = Math.max((now - startedAt) / 1e9, 1e-3);
    var rate = done / seconds;
    var remaining = Math.max(total - done, 0);
    var eta = rate > 0 ? Duration.ofSeconds((long) Math.ceil(remaining / rate)) : null;
    return "%s: %d/%d events, %.0f events/s, ETA %s"
        .formatted(label, done, total, rate, eta == null ? "unknown" : eta);
  }
}
