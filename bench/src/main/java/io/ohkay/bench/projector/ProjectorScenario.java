package io.ohkay.bench.projector;

import io.ohkay.bench.report.LatencySummary;
import io.ohkay.bench.report.ProjectorSettings;
import io.ohkay.bench.report.Throughput;
import io.ohkay.projector.apply.SourcedEvent;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Writes the same batches with both writers: a warm-up each, then rounds in which they take turns
 * going first, each round's batches written by both. Only the measured batches are timed.
 */
final class ProjectorScenario {

  /** What both writers achieved. */
  record Measured(Throughput system, Throughput baseline) {}

  private final ProjectorSettings settings;
  private final MessageEvents events;
  private final PrintWriter progress;

  ProjectorScenario(ProjectorSettings settings, MessageEvents events, PrintWriter progress) {
    this.settings = settings;
    this.events = events;
    this.progress = progress;
  }

  Measured measure(MessageWriter system, MessageWriter baseline) throws SQLException {
    var warmup = batches(settings.warmupMessages());
    writeAll(system, warmup, null);
    writeAll(baseline, warmup, null);
    log("warm-up done: %d messages each", settings.warmupMessages());
    var systemTime = new Timing();
    var baselineTime = new Timing();
    for (int round = 0; round < settings.rounds(); round++) {
      var batches = batches(roundMessages(round));
      boolean systemFirst = round % 2 == 0;
      writeAll(systemFirst ? system : baseline, batches, systemFirst ? systemTime : baselineTime);
      writeAll(systemFirst ? baseline : system, batches, systemFirst ? baselineTime : systemTime);
      log(
          "round %d/%d: system %.0f msg/s, baseline %.0f msg/s so far",
          round + 1, settings.rounds(), systemTime.perSecond(), baselineTime.perSecond());
    }
    return new Measured(
        systemTime.result(system.name(), system.storedMessages()),
        baselineTime.result(baseline.name(), baseline.storedMessages()));
  }

  /** Rounds share the messages; the first takes the remainder. */
  private int roundMessages(int round) {
    int each = settings.messages() / settings.rounds();
    return round == 0 ? settings.messages() - each * (settings.rounds() - 1) : each;
  }

  private List<List<SourcedEvent>> batches(int messages) {
    var batches = new ArrayList<List<SourcedEvent>>();
    for (int left = messages; left > 0; left -= settings.batchSize()) {
      batches.add(events.messages(Math.min(left, settings.batchSize())));
    }
    return batches;
  }

  private static void writeAll(
      MessageWriter writer, List<List<SourcedEvent>> batches, @Nullable Timing timing)
      throws SQLException {
    for (var batch : batches) {
      long start = System.nanoTime();
      writer.write(batch);
      if (timing != null) {
        timing.record(batch.size(), System.nanoTime() - start);
      }
    }
  }

  private void log(String format, Object... args) {
    progress.println("[projector] " + String.format(Locale.ROOT, format, args));
    progress.flush();
  }

  /** The measured batches of one writer. */
  private static final class Timing {
    private final Histogram batchMicros = new Histogram(3);
    private long messages;
    private long batches;
    private long nanos;

    void record(int size, long elapsedNanos) {
      messages += size;
      batches++;
      nanos += elapsedNanos;
      batchMicros.recordValue(Math.max(1, elapsedNanos / 1_000));
    }

    double perSecond() {
      return nanos == 0 ? 0.0 : messages * 1e9 / nanos;
    }

    Throughput result(String target, long stored) {
      return Throughput.of(
          target, messages, batches, nanos, LatencySummary.ofMicros(batchMicros), stored);
    }
  }
}
