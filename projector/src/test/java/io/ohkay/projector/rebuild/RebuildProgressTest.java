package io.ohkay.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RebuildProgressTest {

  @Test
  void shouldReportCountsRateAndEtaWhenRecordsAdvance() {
    var progress = new RebuildProgress("rebuild", 1_000);

    progress.advance(250);
    var line = progress.line(System.nanoTime());

    assertThat(line).startsWith("rebuild: 250/1000 events, ").contains("events/s, ETA PT");
  }

  @Test
  void shouldSayEtaIsUnknownWhenNothingWasReplayedYet() {
    var progress = new RebuildProgress("rebuild", 1_000);

    assertThat(progress.line(System.nanoTime())).endsWith("ETA unknown");
  }
}
