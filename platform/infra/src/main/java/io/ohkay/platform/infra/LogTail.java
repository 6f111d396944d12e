package io.ohkay.platform.infra;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a server wrote to a log file since a mark (log files are appended across restarts): its
 * error lines, then its last lines, for the message of a start-up failure.
 *
 * @param file the log file
 * @param from the byte offset where this run's lines start
 */
record LogTail(Path file, long from) {

  private static final long MAX_BYTES = 4 * 1024 * 1024;
  private static final int MAX_LINE = 400;
  private static final Pattern ERROR = Pattern.compile("\\b(ERROR|FATAL)\\b|Exception|Error:");

  /** Marks the current end of the file: later lines belong to this run. */
  static LogTail mark(Path file) {
    try {
      return new LogTail(file, Files.exists(file) ? Files.size(file) : 0);
    } catch (IOException e) {
      return new LogTail(file, 0);
    }
  }

  /** Up to {@code errors} error lines, then the last {@code last} lines written since the mark. */
  String describe(int errors, int last) {
    StringBuilder text = new StringBuilder("\n---- ").append(file).append(" ----\n");
    try {
      List<String> lines = readSinceMark().lines().map(LogTail::shorten).toList();
      List<String> errorLines =
          lines.stream().filter(line -> ERROR.matcher(line).find()).limit(errors).toList();
      if (!errorLines.isEmpty()) {
        text.append("errors:\n").append(String.join("\n", errorLines)).append("\nlast lines:\n");
      }
      return text.append(
              String.join("\n", lines.subList(Math.max(0, lines.size() - last), lines.size())))
          .append('\n')
          .toString();
    } catch (IOException e) {
      return text.append("(unreadable: ").append(e).append(")\n").toString();
    }
  }

  private String readSinceMark() throws IOException {
    if (!Files.isRegularFile(file)) {
      return "(no such file)";
    }
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long start = Math.max(Math.min(from, channel.size()), channel.size() - MAX_BYTES);
      ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
      channel.position(start);
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // read up to the end of the file
      }
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
  }

  private static String shorten(String line) {
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
  }
}
