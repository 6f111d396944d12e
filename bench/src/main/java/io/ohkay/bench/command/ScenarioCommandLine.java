package io.ohkay.bench.command;

import io.ohkay.bench.report.BenchReport;
import io.ohkay.bench.report.ResultFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A scenario command's shared part, mixed into it with {@code @Mixin}: the options every scenario
 * has ({@code --duration-seconds}, {@code --results-dir}), refusals of bad options, the progress
 * stream (stderr), and the finished report printed on stdout and written as files.
 */
public final class ScenarioCommandLine {

  @Spec(Spec.Target.MIXEE)
  private @Nullable CommandSpec spec;

  /** Sending window of each step, in seconds. */
  @Option(
      names = "--duration-seconds",
      defaultValue = "10",
      description = "Sending window of each step. Default: ${DEFAULT-VALUE}.")
  private int durationSeconds;

  /** Where the result files go; default bench/target/results (target/results inside bench/). */
  @Option(
      names = "--results-dir",
      description = "Where the .md, .csv and .json go. Default: bench/target/results.")
  private @Nullable Path resultsDir;

  /** Sending window of each step, in seconds. */
  public int durationSeconds() {
    return durationSeconds;
  }

  /** Refuses the command line with {@code message} unless {@code valid}. */
  public void require(boolean valid, String message) {
    if (!valid) {
      throw new ParameterException(spec().commandLine(), message);
    }
  }

  /** Refuses the command line unless {@code values} has values, all of them > 0. */
  public void requirePositive(String option, List<Integer> values) {
    require(
        !values.isEmpty() && values.stream().allMatch(v -> v > 0), option + " needs values > 0");
  }

  /** Where progress goes (stderr). */
  public PrintWriter err() {
    return spec().commandLine().getErr();
  }

  /** Prints the report's markdown on stdout and writes its files into the results directory. */
  public void publish(BenchReport report) throws IOException {
    spec().commandLine().getOut().print(report.markdown());
    spec().commandLine().getOut().flush();
    List<Path> files = ResultFiles.write(resultsDirectory(), report);
    err().println("results written: " + files);
    err().flush();
  }

  private Path resultsDirectory() {
    return resultsDir != null ? resultsDir : ResultFiles.defaultDirectory();
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("run through picocli's CommandLine");
    }
    return spec;
  }
}
