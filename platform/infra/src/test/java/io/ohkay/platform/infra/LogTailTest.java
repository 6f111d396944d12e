package io.ohkay.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @TempDir Path dir;

  @Test
  void shouldShowOnlyThisRunsErrorsAndLastLinesWhenDescribed() throws IOException {
    Path log = dir.resolve("server.log");
    Files.writeString(log, "old ERROR from an earlier run\n");
    LogTail tail = LogTail.mark(log);
    StringBuilder lines = new StringBuilder("INFO starting\nERROR Socket server failed to bind\n");
    for (int i = 0; i < 50; i++) {
      lines.append("INFO shutting down ").append(i).append('\n');
    }
    Files.writeString(log, lines, StandardOpenOption.APPEND);

    String described = tail.describe(5, 3);

    assertThat(described)
        .contains("ERROR Socket server failed to bind", "shutting down 49", "shutting down 47")
        .doesNotContain("earlier run", "shutting down 46");
  }

  @Test
  void shouldSayNoSuchFileWhenLogIsMissing() {
    assertThat(LogTail.mark(dir.resolve("absent.log")).describe(5, 5)).contains("(no such file)");
  }
}
