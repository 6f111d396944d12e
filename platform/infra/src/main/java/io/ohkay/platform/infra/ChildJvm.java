package io.ohkay.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM on this JVM's own {@code java} binary and class path, started through {@link
 * ChildMain} so that it exits when this JVM dies; its output goes to a file, its standard input is
 * a pipe we hold and never write to.
 */
final class ChildJvm {

  private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);

  /**
   * Runs the child with {@code SIGINT} ignored. A terminal's Ctrl-C reaches every process of its
   * foreground group: a broker child taking it stopped at once, before the application's consumers
   * could leave their groups, so after a restart the projector waited out their session timeout (45
   * s) before it projected again. A JVM keeps an inherited {@code SIG_IGN} for its shutdown
   * signals, so only this JVM takes the Ctrl-C, and stops the child itself once its own clients are
   * done ({@link ShutdownHooks}); {@code SIGTERM} and the end of standard input still end it.
   */
  private static final List<String> IGNORING_INTERRUPT =
      List.of("sh", "-c", "trap '' INT; exec \"$@\"", "ohkay-child");

  /**
   * What to run.
   *
   * @param name short name for logs
   * @param workDir the child's working directory
   * @param argFile where to write the {@code java @argfile} holding the class path
   * @param output file receiving the child's standard output and error (appended)
   * @param jvmOptions options such as {@code -Xmx512m}
   * @param mainClass the real main class
   * @param args its arguments
   */
  record Spec(
      String name,
      Path workDir,
      Path argFile,
      Path output,
      List<String> jvmOptions,
      String mainClass,
      List<String> args) {

    Spec {
      jvmOptions = List.copyOf(jvmOptions);
      args = List.copyOf(args);
    }
  }

  private final String name;
  private final Process process;

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  static ChildJvm start(Spec spec, ChildClasspath classpath) {
    try {
      Files.createDirectories(spec.workDir());
      Files.createDirectories(spec.output().toAbsolutePath().getParent());
      Files.createDirectories(spec.argFile().toAbsolutePath().getParent());
      Files.writeString(spec.argFile(), classpath.argFile(), StandardCharsets.UTF_8);
      List<String> command = command(spec, classpath);
      Process process =
          new ProcessBuilder(command)
              .directory(spec.workDir().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.output().toFile()))
              .start();
      LOG.debug("Started {} (pid {}): {}", spec.name(), process.pid(), command);
      return new ChildJvm(spec.name(), process);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start child JVM " + spec.name(), e);
    }
  }

  static List<String> command(Spec spec, ChildClasspath classpath) {
    List<String> command = new ArrayList<>(IGNORING_INTERRUPT);
    command.add(javaBinary());
    command.add("@" + spec.argFile().toAbsolutePath());
    command.addAll(spec.jvmOptions());
    command.addAll(classpath.mainArguments(spec.mainClass(), spec.args()));
    return command;
  }

  /** The binary running this JVM, so the child runs on the very same Java. */
  static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit status, once the child exited within the timeout. */
  OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  /** {@code SIGTERM}, then {@code SIGKILL} if the child is still there after the grace period. */
  void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (awaitExit(grace).isEmpty()) {
        LOG.warn("{} (pid {}) did not stop within {}, killing it", name, pid(), grace);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
