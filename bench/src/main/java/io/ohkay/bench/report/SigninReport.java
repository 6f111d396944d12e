package io.ohkay.bench.report;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The "sign-in" report: the platform's sign-in rate ladder next to the bare password hash on the
 * same machine (the physical floor), with the ratios, rendered as markdown, CSV or JSON.
 *
 * @param startedAt when the run started (ISO-8601)
 * @param cores processors available to the JVM
 * @param javaVersion the JVM's version
 * @param settings how the run was configured
 * @param floor the bare hash's cost
 * @param signupSeconds how long the accounts took to sign up (0 when they were not)
 * @param steps the measured steps, in the order they ran
 * @param highestHeldRate see {@link HeldRateRule#highestHeld}; null when none held
 * @param neverFailed whether every step held, so the limit lies above the highest rate tried
 * @param problem why the platform was not (fully) measured; null when it was
 */
public record SigninReport(
    String startedAt,
    int cores,
    String javaVersion,
    SigninSettings settings,
    HashFloor floor,
    double signupSeconds,
    List<SigninStep> steps,
    @Nullable Integer highestHeldRate,
    boolean neverFailed,
    @Nullable String problem)
    implements BenchReport {

  private static final String CSV_HEADER =
      "offered_rate,duration_s,sent,succeeded,failed,achieved_rate,p50_ms,p90_ms,p99_ms,"
          + "p999_ms,max_ms,send_lag_p99_ms,load_average,held,first_error";

  public SigninReport {
    steps = List.copyOf(steps);
  }

  /** A report whose held rate is judged by the settings' rule. */
  public static SigninReport of(
      String startedAt,
      String javaVersion,
      SigninSettings settings,
      HashFloor floor,
      double signupSeconds,
      List<SigninStep> steps,
      @Nullable String problem) {
    var rule = settings.rule();
    var highest = rule.highestHeld(steps);
    return new SigninReport(
        startedAt,
        floor.threads(),
        javaVersion,
        settings,
        floor,
        signupSeconds,
        steps,
        highest.isPresent() ? highest.getAsInt() : null,
        problem == null && rule.neverFailed(steps),
        problem);
  }

  @Override
  public String scenario() {
    return "signin";
  }

  /** The step at this offered rate, if it was measured. */
  public @Nullable SigninStep step(int offeredRate) {
    return steps.stream().filter(s -> s.offeredRate() == offeredRate).findFirst().orElse(null);
  }

  @Override
  public String markdown() {
    var out = new StringBuilder();
    out.append("## Sign-in: open loop, next to the bare password hash (the physical floor)\n\n");
    out.append(SigninTables.legend(this)).append("\n\n");
    out.append(SigninTables.comparison(this)).append('\n');
    out.append(SigninTables.steps(this));
    if (problem != null) {
      out.append("\nNot (fully) measured: ").append(problem).append('\n');
    }
    return out.toString();
  }

  @Override
  public String csv() {
    var out = new StringBuilder(CSV_HEADER).append('\n');
    for (SigninStep step : steps) {
      out.append(step.offeredRate()).append(',').append(step.durationSeconds()).append(',');
      out.append(step.sent()).append(',').append(step.succeeded()).append(',');
      out.append(step.failed());
      LatencySummary latency = step.latency();
      for (double value :
          new double[] {
            step.achievedRate(),
            latency.p50Millis(),
            latency.p90Millis(),
            latency.p99Millis(),
            latency.p999Millis(),
            latency.maxMillis(),
            step.sendLag().p99Millis(),
            step.loadAverage()
          }) {
        out.append(String.format(Locale.ROOT, ",%.3f", value));
      }
      out.append(',').append(step.held()).append(',');
      out.append(step.firstError() == null ? "" : ResultFiles.csvText(step.firstError()));
      out.append('\n');
    }
    return out.toString();
  }
}
