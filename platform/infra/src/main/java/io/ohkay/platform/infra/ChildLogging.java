package io.ohkay.platform.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Logging of a child JVM into files of its own directory, whatever the shared class path holds:
 * slf4j through Logback ({@code -Dlogback.configurationFile}), and Log4j 2 core when the broker's
 * Log4j API binds to it ({@code -Dlog4j2.configurationFile}).
 *
 * @param configDir where the two configuration files are written
 * @param logDir where the logs go: {@code <name>.log} and {@code <name>-log4j.log}
 * @param name base name of the log files
 */
record ChildLogging(Path configDir, Path logDir, String name) {

  Path logFile() {
    return logDir.resolve(name + ".log");
  }

  Path log4jFile() {
    return logDir.resolve(name + "-log4j.log");
  }

  /** Writes both configurations and returns the JVM options that select them. */
  List<String> writeAndGetJvmOptions() throws IOException {
    Files.createDirectories(configDir);
    Files.createDirectories(logDir);
    Path logback = configDir.resolve(name + "-logback.xml");
    Path log4j = configDir.resolve(name + "-log4j2.xml");
    Files.writeString(logback, logbackXml(), StandardCharsets.UTF_8);
    Files.writeString(log4j, log4j2Xml(), StandardCharsets.UTF_8);
    return List.of(
        "-Dlogback.configurationFile=" + logback.toAbsolutePath(),
        "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
        "-Dkafka.logs.dir=" + logDir.toAbsolutePath());
  }

  private String logbackXml() {
    String file = xml(logFile().toAbsolutePath().toString());
    String pattern = xml(logDir.resolve(name + ".%i.log").toAbsolutePath().toString());
    return """
        <configuration>
          <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">
            <file>%s</file>
            <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
              <fileNamePattern>%s</fileNamePattern>
              <minIndex>1</minIndex>
              <maxIndex>3</maxIndex>
            </rollingPolicy>
            <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
              <maxFileSize>20MB</maxFileSize>
            </triggeringPolicy>
            <encoder>
              <pattern>%%d{yyyy-MM-dd'T'HH:mm:ss.SSS} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern>
            </encoder>
          </appender>
          <root level="INFO">
            <appender-ref ref="FILE"/>
          </root>
        </configuration>
        """
        .formatted(file, pattern);
  }

  private String log4j2Xml() {
    String file = xml(log4jFile().toAbsolutePath().toString());
    String pattern = xml(logDir.resolve(name + "-log4j.%i.log").toAbsolutePath().toString());
    return """
        <Configuration status="warn">
          <Appenders>
            <RollingFile name="file" fileName="%s" filePattern="%s">
              <PatternLayout pattern="%%d{ISO8601} %%-5p [%%t] %%c - %%m%%n"/>
              <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
              <DefaultRolloverStrategy max="3"/>
            </RollingFile>
          </Appenders>
          <Loggers>
            <Root level="info"><AppenderRef ref="file"/></Root>
          </Loggers>
        </Configuration>
        """
        .formatted(file, pattern);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
