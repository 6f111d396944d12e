package io.ohkay.bench.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The replays of one configuration of the edge.
 *
 * @param source {@code memory} (recent positions kept by the edge) or {@code kafka} (read back)
 * @param setting how the platform was configured for it
 * @param replays the measured reconnections, in order
 * @param problem why the source was not (fully) measured; null when it was
 */
public record ResumeSource(
    String source, String setting, List<ReplayRun> replays, @Nullable String problem) {

  public ResumeSource {
    replays = List.copyOf(replays);
  }
}
