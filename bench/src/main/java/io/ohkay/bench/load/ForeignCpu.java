package io.ohkay.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Stream;

/**
 * How much of the machine's CPU went to processes that are not the bench's since {@link #start()}:
 * other people's builds and tests, which make a step slower without the target being any slower.
 * The bench's are this JVM (and the platform in it), every process it started (the Kafka broker),
 * and the process trees of those {@linkplain #adopt adopted} (PostgreSQL daemonizes: its server
 * leaves this JVM's tree). Read from {@code /proc} (Linux); unknown elsewhere.
 */
public final class ForeignCpu {

  private static final Path STAT = Path.of("/proc/stat");

  /**
   * Busy (non-idle) fields of the aggregate {@code cpu} line: user, nice, system, irq, softirq,
   * steal.
   */
  private static final int[] BUSY = {1, 2, 3, 6, 7, 8};

  private static final int IDLE = 4;
  private static final int IOWAIT = 5;

  /** utime, stime, cutime, cstime: fields 14 to 17 of {@code /proc/<pid>/stat}, after the name. */
  private static final int FIRST_TIME_FIELD = 11;

  private static final int TIME_FIELDS = 4;

  private static final Set<String> ADOPTED = new CopyOnWriteArraySet<>();

  private final long busy;
  private final long total;
  private final long ours;

  private ForeignCpu(long busy, long total, long ours) {
    this.busy = busy;
    this.total = total;
    this.ours = ours;
  }

  /**
   * Counts every process whose command line contains {@code marker} (e.g. the data directory of the
   * PostgreSQL the bench started), and its descendants, as the bench's own.
   */
  public static void adopt(String marker) {
    ADOPTED.add(marker);
  }

  /** Starts counting now. */
  public static ForeignCpu start() {
    long[] machine = machine();
    return new ForeignCpu(machine[0], machine[1], ours());
  }

  /**
   * The share of all cores (0 to 1) that processes outside this JVM's tree used since {@link
   * #start()}; NaN when {@code /proc} cannot be read.
   */
  public double share() {
    long[] machine = machine();
    long elapsed = machine[1] - total;
    if (machine[1] < 0 || total < 0 || elapsed <= 0) {
      return Double.NaN;
    }
    long foreign = (machine[0] - busy) - (ours() - ours);
    return Math.max(0.0, Math.min(1.0, (double) foreign / elapsed));
  }

  /** Busy and total clock ticks of all cores; -1 when unreadable. */
  private static long[] machine() {
    try {
      String line = Files.readAllLines(STAT).getFirst();
      String[] fields = line.trim().split("\\s+");
      long busy = 0;
      for (int field : BUSY) {
        busy += Long.parseLong(fields[field]);
      }
      long total = busy + Long.parseLong(fields[IDLE]) + Long.parseLong(fields[IOWAIT]);
      return new long[] {busy, total};
    } catch (IOException | RuntimeException unreadable) {
      return new long[] {-1, -1};
    }
  }

  /** Clock ticks used by the bench's processes (and their reaped children). */
  private static long ours() {
    Set<Long> pids = new HashSet<>();
    for (ProcessHandle root : roots()) {
      pids.add(root.pid());
      try (Stream<ProcessHandle> descendants = root.descendants()) {
        descendants.forEach(process -> pids.add(process.pid()));
      }
    }
    long ticks = 0;
    for (long pid : pids) {
      ticks += ticksOf(pid);
    }
    return ticks;
  }

  private static List<ProcessHandle> roots() {
    List<ProcessHandle> roots = new ArrayList<>();
    roots.add(ProcessHandle.current());
    if (!ADOPTED.isEmpty()) {
      try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
        all.filter(ForeignCpu::adopted).forEach(roots::add);
      }
    }
    return roots;
  }

  private static boolean adopted(ProcessHandle process) {
    var commandLine = process.info().commandLine().orElse("");
    return ADOPTED.stream().anyMatch(commandLine::contains);
  }

  private static long ticksOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = 0;
      for (int i = FIRST_TIME_FIELD; i < FIRST_TIME_FIELD + TIME_FIELDS; i++) {
        ticks += Long.parseLong(fields[i]);
      }
      return ticks;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
