package io.ohkay.bench.history;

import io.ohkay.bench.report.HistorySettings;
import io.ohkay.bench.report.LatencySummary;
import io.ohkay.bench.report.PageReads;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Reads pages with both readers, one page at a time, on the same random cursors: for each cursor
 * both read it, taking turns going first. A warm-up of the same kind comes first, unmeasured.
 */
final class HistoryScenario {

  /** What both readers achieved. */
  record Measured(PageReads system, PageReads baseline) {}

  private final HistorySettings settings;
  private final Cursors cursors;
  private final PrintWriter progress;
  private final SplittableRandom random = new SplittableRandom();

  HistoryScenario(HistorySettings settings, Cursors cursors, PrintWriter progress) {
    this.settings = settings;
    this.cursors = cursors;
    this.progress = progress;
  }

  Measured measure(PageReader<?> system, PageReader<?> baseline) {
    run(system, baseline, settings.warmupSamples());
    log("warm-up done: %d pages each", settings.warmupSamples());
    var measured = run(system, baseline, settings.samples());
    log(
        "system p99 %.2f ms, baseline p99 %.2f ms",
        measured.system().latency().p99Millis(), measured.baseline().latency().p99Millis());
    return measured;
  }

  private Measured run(PageReader<?> system, PageReader<?> baseline, int samples) {
    var systemReads = new Reads(system);
    var baselineReads = new Reads(baseline);
    for (int sample = 0; sample < samples; sample++) {
      var cursor = cursors.draw(random);
      boolean systemFirst = sample % 2 == 0;
      (systemFirst ? systemReads : baselineReads).read(cursor, settings.pageSize());
      (systemFirst ? baselineReads : systemReads).read(cursor, settings.pageSize());
    }
    return new Measured(systemReads.result(), baselineReads.result());
  }

  private void log(String format, Object... args) {
    progress.println("[history] " + String.format(Locale.ROOT, format, args));
    progress.flush();
  }

  /** One reader's timed pages and wrong answers. */
  private final class Reads {
    private final PageReader<?> reader;
    private final Histogram micros = new Histogram(3);
    private long wrong;

    Reads(PageReader<?> reader) {
      this.reader = reader;
    }

    void read(Cursors.Cursor cursor, int pageSize) {
      try {
        if (!cursor.isPage(timed(reader, cursor), pageSize)) {
          wrong++;
        }
      } catch (Exception failed) {
        wrong++;
        if (wrong == 1) {
          log("%s: first failure: %s", reader.name(), failed);
        }
      }
    }

    PageReads result() {
      return new PageReads(reader.name(), LatencySummary.ofMicros(micros), wrong);
    }

    /** The page's seqs; only the read is timed, not their extraction. */
    private <A> List<Long> timed(PageReader<A> typed, Cursors.Cursor cursor) throws Exception {
      long start = System.nanoTime();
      A answer = typed.read(cursor);
      micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
      return typed.seqs(answer);
    }
  }
}
