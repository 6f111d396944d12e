package io.ohkay.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report as {@code <scenario>-<time>.md}, {@code .csv} (one row per step) and {@code
 * .json}.
 */
public final class ResultFiles {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private static final String CSV_HEADER =
      "target,offered_rate,duration_s,sent,delivered,lost,post_errors,e2e_p50_ms,e2e_p90_ms,"
          + "e2e_p99_ms,e2e_p999_ms,e2e_max_ms,post_p50_ms,post_p99_ms,send_lag_p99_ms,load_average,held,"
          + "first_error";

  private ResultFiles() {}

  /** bench/target/results from the repository's root, target/results from inside bench/. */
  public static Path defaultDirectory() {
    boolean atRepositoryRoot = Files.isRegularFile(Path.of("bench", "pom.xml"));
    return atRepositoryRoot ? Path.of("bench", "target", "results") : Path.of("target", "results");
  }

  /** Writes the three files into {@code directory} (created if needed) and returns their paths. */
  public static List<Path> write(Path directory, BenchReport report) throws IOException {
    Files.createDirectories(directory);
    String stem = report.scenario() + "-" + report.startedAt().replaceAll("[^0-9TZ]", "");
    Path markdown = directory.resolve(stem + ".md");
    Path csv = directory.resolve(stem + ".csv");
    Path json = directory.resolve(stem + ".json");
    Files.writeString(markdown, report.markdown(), StandardCharsets.UTF_8);
    Files.writeString(csv, report.csv(), StandardCharsets.UTF_8);
    Files.writeString(json, JSON.writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
    return List.of(markdown, csv, json);
  }

  /** The e2e report's CSV: one row per measured step, after a header row. */
  static String csv(E2eReport report) {
    var out = new StringBuilder(CSV_HEADER).append('\n');
    for (TargetResult target : report.targets()) {
      target.steps().forEach(step -> out.append(csvRow(step)).append('\n'));
    }
    return out.toString();
  }

  private static String csvRow(StepResult step) {
    var row = new StringJoiner(",");
    row.add(csvText(step.target()))
        .add(Integer.toString(step.offeredRate()))
        .add(Integer.toString(step.durationSeconds()))
        .add(Long.toString(step.sent()))
        .add(Long.toString(step.delivered()))
        .add(Long.toString(step.lost()))
        .add(Long.toString(step.postErrors()));
    LatencySummary e2e = step.endToEnd();
    for (double millis :
        new double[] {
          e2e.p50Millis(),
          e2e.p90Millis(),
          e2e.p99Millis(),
          e2e.p999Millis(),
          e2e.maxMillis(),
          step.postResponse().p50Millis(),
          step.postResponse().p99Millis(),
          step.sendLag().p99Millis(),
          step.loadAverage()
        }) {
      row.add(String.format(Locale.ROOT, "%.3f", millis));
    }
    row.add(Boolean.toString(step.held()));
    row.add(step.firstError() == null ? "" : csvText(step.firstError()));
    return row.toString();
  }

  static String csvText(String text) {
    boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n");
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
