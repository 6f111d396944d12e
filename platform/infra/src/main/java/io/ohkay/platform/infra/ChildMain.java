package io.ohkay.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM we start: {@code ChildMain <realMain> <args...>}.
 *
 * <p>The parent holds the write end of the child's standard input and never writes to it. When the
 * parent dies, even by {@code SIGKILL}, the operating system closes that pipe; a daemon thread here
 * reads end-of-input and exits the child (shutdown hooks run, so a broker closes its logs cleanly),
 * halting it outright if the hooks take longer than {@link #HALT_AFTER_MILLIS}.
 */
public final class ChildMain {

  /** Exit status of a child whose parent went away. */
  static final int PARENT_GONE = 143;

  private static final long HALT_AFTER_MILLIS = 20_000;

  private ChildMain() {}

  /**
   * Watches standard input, then runs {@code args[0]}'s {@code main} with the remaining arguments.
   *
   * @param args the real main class followed by its arguments
   * @throws Throwable whatever the real main throws
   */
  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      throw new IllegalArgumentException("Usage: ChildMain <main class> [arguments...]");
    }
    daemon("ohkay-parent-watchdog", () -> exitAtEndOfInput(System.in)).start();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void exitAtEndOfInput(InputStream parentPipe) {
    try {
      parentPipe.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // A broken pipe means the same as end of input: the parent is gone.
    }
    System.err.println("ChildMain: standard input closed (parent stopping us, or gone), exiting");
    daemon("ohkay-parent-watchdog-halt", ChildMain::haltLater).start();
    System.exit(PARENT_GONE);
  }

  private static void haltLater() {
    try {
      Thread.sleep(HALT_AFTER_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(PARENT_GONE);
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
