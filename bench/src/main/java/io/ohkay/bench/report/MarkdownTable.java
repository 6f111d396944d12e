package io.ohkay.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table, padded so it also reads well as plain text. */
public final class MarkdownTable {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headers; the first column is left-aligned, the others right. */
  public MarkdownTable(String... headers) {
    this.headers = escaped(List.of(headers));
  }

  /** Appends a row; it must have one cell per column. */
  public MarkdownTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "expected " + headers.size() + " cells, got " + cells.length);
    }
    rows.add(escaped(List.of(cells)));
    return this;
  }

  /** The table, one line per row, each line ending with a newline. */
  public String render() {
    int[] widths = widths();
    var out = new StringBuilder();
    line(out, headers, widths);
    separator(out, widths);
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private int[] widths() {
    int[] widths = new int[headers.size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = Math.max(3, headers.get(column).length());
      for (List<String> row : rows) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    return widths;
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int column = 0; column < widths.length; column++) {
      String cell = cells.get(column);
      String padding = " ".repeat(widths[column] - cell.length());
      out.append(' ').append(column == 0 ? cell + padding : padding + cell).append(" |");
    }
    out.append('\n');
  }

  private static void separator(StringBuilder out, int[] widths) {
    out.append('|');
    for (int column = 0; column < widths.length; column++) {
      String dashes = "-".repeat(widths[column] - 1);
      out.append(' ').append(column == 0 ? ":" + dashes : dashes + ":").append(" |");
    }
    out.append('\n');
  }

  private static List<String> escaped(List<String> cells) {
    return cells.stream().map(cell -> cell.replace("|", "\\|").replace('\n', ' ')).toList();
  }
}
