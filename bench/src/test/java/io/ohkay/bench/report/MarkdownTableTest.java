package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

  @Test
  void shouldPadColumnsAndAlignNumbersRightWhenRendered() {
    String table =
        new MarkdownTable("target", "p99 ms")
            .row("system", "12.50")
            .row("baseline", "3.00")
            .render();

    assertThat(table)
        .isEqualTo(
            """
            | target   | p99 ms |
            | :------- | -----: |
            | system   |  12.50 |
            | baseline |   3.00 |
            """);
  }

  @Test
  void shouldEscapePipesWhenACellContainsOne() {
    String table = new MarkdownTable("a").row("x|y").render();

    assertThat(table).contains("| x\\|y |");
  }

  @Test
  void shouldRefuseRowWhenCellCountDiffers() {
    var table = new MarkdownTable("a", "b");

    assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class);
  }
}
