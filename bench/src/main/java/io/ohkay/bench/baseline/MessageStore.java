package io.ohkay.bench.baseline;

import com.github.f4b6a3.uuid.UuidCreator;
import io.ohkay.platform.infra.EmbeddedPostgresServer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The baseline's messages table, written with one INSERT per post over a pooled r2dbc driver. */
final class MessageStore implements AutoCloseable {

  private static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS channels (id uuid PRIMARY KEY, name text NOT NULL,
      position int NOT NULL, created_at timestamptz NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS messages (id uuid PRIMARY KEY,
      channel_id uuid NOT NULL REFERENCES channels(id), author_id uuid NOT NULL,
      content text NOT NULL, created_at timestamptz NOT NULL,
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE, edited_at timestamptz, deleted_at timestamptz)""",
    "CREATE INDEX IF NOT EXISTS messages_channel_seq ON messages (channel_id, seq)"
  };

  private static final String INSERT_CHANNEL =
      "INSERT INTO channels (id, name, position, created_at) VALUES ($1, 'general', 0, now())"
          + " ON CONFLICT DO NOTHING";

  private static final String INSERT_MESSAGE =
      "INSERT INTO messages (id, channel_id, author_id, content, created_at)"
          + " VALUES ($1, $2, $3, $4, $5) RETURNING seq";

  private final ConnectionPool pool;

  private MessageStore(ConnectionPool pool) {
    this.pool = pool;
  }

  /** A store on {@code database} with a fixed pool of {@code poolSize} connections. */
  static MessageStore connect(EmbeddedPostgresServer postgres, String database, int poolSize) {
    var factory =
        new PostgresqlConnectionFactory(
            PostgresqlConnectionConfiguration.builder()
                .host(postgres.host())
                .port(postgres.port())
                .username(postgres.username())
                .password(postgres.password())
                .database(database)
                .build());
    var pool =
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(factory)
                .initialSize(poolSize)
                .maxSize(poolSize)
                .maxAcquireTime(Duration.ofSeconds(30))
                .build());
    return new MessageStore(pool);
  }

  /** Creates the tables if needed and the channel messages are posted to. */
  Mono<Void> prepare(UUID channelId) {
    return Mono.usingWhen(
        pool.create(),
        connection ->
            Flux.fromArray(SCHEMA)
                .concatMap(sql -> Mono.from(connection.createStatement(sql).execute()))
                .concatMap(result -> Mono.from(result.getRowsUpdated()))
                .then(
                    Mono.from(
                        connection.createStatement(INSERT_CHANNEL).bind("$1", channelId).execute()))
                .flatMap(result -> Mono.from(result.getRowsUpdated()))
                .then(),
        Connection::close);
  }

  /** Inserts one message; fails with a data integrity violation when the channel is unknown. */
  Mono<BaselineMessage> insert(UUID serverId, UUID channelId, UUID authorId, String content) {
    UUID id = UuidCreator.getTimeOrderedEpoch();
    Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return Mono.usingWhen(
            pool.create(),
            connection ->
                Mono.from(
                        connection
                            .createStatement(INSERT_MESSAGE)
                            .bind("$1", id)
                            .bind("$2", channelId)
                            .bind("$3", authorId)
                            .bind("$4", content)
                            .bind("$5", createdAt)
                            .execute())
                    .flatMap(
                        result ->
                            Mono.from(
                                result.map(
                                    (row, metadata) ->
                                        Objects.requireNonNull(row.get("seq", Long.class))))),
            Connection::close)
        .map(
            seq ->
                new BaselineMessage(
                    id, serverId, channelId, authorId, content, createdAt.toString(), seq));
  }

  @Override
  public void close() {
    pool.disposeLater().block(Duration.ofSeconds(10));
  }
}
