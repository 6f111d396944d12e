package io.ohkay.platform.infra;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * JVM shutdown hooks that stop the infrastructure last. The JVM runs all hooks at once; Spring's
 * hooks close application contexts, whose Kafka clients (Kafka Streams committing a transaction,
 * consumers leaving their group) would wait for a broker already gone. So our hooks first wait,
 * bounded, for Spring's hooks to finish.
 */
final class ShutdownHooks {

  /** The names of the hook threads Spring Boot and Spring Framework register. */
  private static final Set<String> APPLICATION_HOOKS =
      Set.of("SpringApplicationShutdownHook", "SpringContextShutdownHook");

  private static final Duration APPLICATION_GRACE = Duration.ofSeconds(45);
  private static final Duration RESCAN = Duration.ofMillis(100);

  private ShutdownHooks() {}

  /** Registers a hook running {@code task} once the application's hooks are done. */
  static Thread addLast(String name, Runnable task) {
    Thread hook =
        new Thread(
            () -> {
              awaitApplicationHooks();
              task.run();
            },
            name);
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  static void remove(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs or ran anyway.
    }
  }

  /** Hooks start at about the same time: scan until a scan a little later finds none alive. */
  private static void awaitApplicationHooks() {
    long deadline = System.nanoTime() + APPLICATION_GRACE.toNanos();
    try {
      List<Thread> running = applicationHooks();
      Thread.sleep(RESCAN);
      while (!(running = applicationHooks()).isEmpty() && System.nanoTime() < deadline) {
        for (Thread hook : running) {
          hook.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        Thread.sleep(RESCAN);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Thread> applicationHooks() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> APPLICATION_HOOKS.contains(thread.getName()) && thread.isAlive())
        .toList();
  }
}
