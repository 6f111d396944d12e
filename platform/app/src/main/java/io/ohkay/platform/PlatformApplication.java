package io.ohkay.platform;

import io.ohkay.command.CommandApiConfiguration;
import io.ohkay.edge.EdgeConfiguration;
import io.ohkay.platform.web.PlatformWebConfiguration;
import io.ohkay.projector.ProjectorConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The platform's application context: the write side, the projector and the edge, each from its own
 * module's configuration, sharing one WebFlux server. No JDBC DataSource is auto-configured: each
 * module opens the pools it needs (one per server database).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
    excludeName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
    })
@Import({
  CommandApiConfiguration.class,
  ProjectorConfiguration.class,
  EdgeConfiguration.class,
  PlatformWebConfiguration.class
})
public class PlatformApplication {}
