package io.ohkay.command.dm;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/** Captures what {@link ConversationPairs} logs, debug included, to tell warnings from routine. */
final class PairLogs implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger(ConversationPairs.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final @Nullable Level level = logger.getLevel();

  private PairLogs() {
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
  }

  static PairLogs capture() {
    return new PairLogs();
  }

  List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  List<ILoggingEvent> warnings() {
    return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(level);
    appender.stop();
  }
}
