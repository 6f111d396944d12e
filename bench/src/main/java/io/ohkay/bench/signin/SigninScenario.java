package io.ohkay.bench.signin;

import io.ohkay.bench.load.Answers;
import io.ohkay.bench.load.OpenLoopSchedule;
import io.ohkay.bench.load.OpenLoopSender;
import io.ohkay.bench.report.HeldRateRule;
import io.ohkay.bench.report.SigninSettings;
import io.ohkay.bench.report.SigninStep;
import io.ohkay.bench.target.AccountsTarget;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;

/**
 * Measures the platform's sign-in: signs the accounts up, waits until they can sign in, warms up,
 * then steps the sign-in rate up until the first step that does not hold. Sign-ins go to the
 * accounts in turn, so no account sees more than {@code rate / accounts} per second.
 */
final class SigninScenario {

  /** What the scenario measured, up to the point it stopped. */
  record Measured(double signupSeconds, List<SigninStep> steps, @Nullable String problem) {}

  private final SigninSettings settings;
  private final HeldRateRule rule;
  private final LoopResources loops;
  private final PrintWriter progress;
  private final String runId = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
  private int nextAccount;

  SigninScenario(SigninSettings settings, LoopResources loops, PrintWriter progress) {
    this.settings = settings;
    this.rule = settings.rule();
    this.loops = loops;
    this.progress = progress;
  }

  /** Every step measured on {@code target}; a failure mid-way keeps the steps measured so far. */
  Measured measure(AccountsTarget target) throws InterruptedException {
    List<SigninStep> steps = new ArrayList<>();
    double signupSeconds = 0;
    try (var client = new AuthClient(target.baseUrl(), loops)) {
      var accounts = new SignupPhase(client, settings, this::email);
      signupSeconds = accounts.signUpAll();
      log("%d accounts signed up in %.1f s", settings.accounts(), signupSeconds);
      accounts.awaitSigninReady();
      if (settings.warmupSeconds() > 0) {
        report("warm-up", run(client, settings.warmupRate(), settings.warmupSeconds()));
      }
      for (int rate : settings.plan()) {
        SigninStep step = run(client, rate, settings.durationSeconds());
        steps.add(step);
        report("step", step);
        if (!step.held()) {
          break;
        }
      }
      return new Measured(signupSeconds, steps, null);
    } catch (RuntimeException stopped) {
      return new Measured(signupSeconds, steps, "stopped: " + stopped);
    }
  }

  private String email(int account) {
    return "bench-" + runId + "-" + account + "@example.com";
  }

  private SigninStep run(AuthClient client, int rate, int seconds) throws InterruptedException {
    var schedule = new OpenLoopSchedule(rate, rate * seconds, OpenLoopSchedule.soon());
    var answers = new Answers(schedule);
    OpenLoopSender.send(
        schedule,
        (seq, firedNanos) -> {
          answers.fired(seq, firedNanos);
          client.signin(email(nextAccount++ % settings.accounts()), answers, seq);
        });
    answers.await(Duration.ofSeconds(settings.drainSeconds()));
    answers.close();
    return step(schedule, seconds, answers);
  }

  private SigninStep step(OpenLoopSchedule schedule, int seconds, Answers answers) {
    long sent = schedule.count();
    long failed = sent - answers.succeeded();
    long unanswered = failed - answers.errors();
    var latency = answers.latency();
    double achieved = answers.achievedRate();
    String firstError = answers.firstError();
    if (firstError == null && unanswered > 0) {
      firstError = unanswered + " unanswered after the " + settings.drainSeconds() + " s drain";
    }
    return new SigninStep(
        schedule.rate(),
        seconds,
        sent,
        answers.succeeded(),
        failed,
        achieved,
        latency,
        answers.sendLag(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        rule.holds(sent, failed, latency, achieved / schedule.rate()),
        firstError);
  }

  private void report(String phase, SigninStep step) {
    log(
        "%s %d/s: ok %d/%d, achieved %.1f/s, p50 %.2f ms, p99 %.2f ms%s%s",
        phase,
        step.offeredRate(),
        step.succeeded(),
        step.sent(),
        step.achievedRate(),
        step.latency().p50Millis(),
        step.latency().p99Millis(),
        step.firstError() == null ? "" : ", first error: " + step.firstError(),
        phase.equals("step") ? (step.held() ? " -> held" : " -> NOT held") : "");
  }

  private void log(String format, Object... args) {
    progress.println("[signin] " + String.format(Locale.ROOT, format, args));
    progress.flush();
  }
}
