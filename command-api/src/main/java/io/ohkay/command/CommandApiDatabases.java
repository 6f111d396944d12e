package io.ohkay.command;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * Small read-only pools on the account, registry and DM databases. They open lazily: the projector
 * creates those databases, possibly after this service starts.
 */
final class CommandApiDatabases implements AutoCloseable {

  private static final int POOL_SIZE = 4;

  private final HikariDataSource auth;
  private final HikariDataSource registry;
  private final HikariDataSource dms;

  CommandApiDatabases(CommandApiProperties.Postgres postgres) {
    this.auth = pool(postgres, "auth");
    this.registry = pool(postgres, "server_registry");
    this.dms = pool(postgres, "dms");
  }

  DataSource auth() {
    return auth;
  }

  DataSource registry() {
    return registry;
  }

  DataSource dms() {
    return dms;
  }

  private static HikariDataSource pool(CommandApiProperties.Postgres postgres, String kind) {
    var config = new HikariConfig();
    config.setPoolName("command-api-" + kind);
    config.setJdbcUrl(
        "jdbc:postgresql://%s:%d/%s%s"
            .formatted(postgres.host(), postgres.port(), postgres.databasePrefix(), kind));
    config.setUsername(postgres.username());
    config.setPassword(postgres.password());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(0);
    config.setReadOnly(true);
    config.setConnectionTimeout(2_000);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  @Override
  public void close() {
    auth.close();
    registry.close();
    dms.close();
  }
}
