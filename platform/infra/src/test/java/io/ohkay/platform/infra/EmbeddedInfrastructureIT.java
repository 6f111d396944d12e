package io.ohkay.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureIT {

  private final EmbeddedInfrastructure infrastructure = SharedInfrastructure.get();

  @Test
  void shouldKeepCommittedRecordWhenKafkaRestartsOnSameDataDirectory() throws Exception {
    EmbeddedKafka kafka = infrastructure.kafka();
    String topic = SharedInfrastructure.uniqueName("t") + "events";
    KafkaTestClients.createTopic(kafka.bootstrapServers(), topic);
    KafkaTestClients.sendInTransaction(kafka.bootstrapServers(), topic, "k1", "hello");

    assertThat(KafkaTestClients.readCommitted(kafka.bootstrapServers(), topic, 1))
        .containsExactly("k1=hello");

    kafka.stop();
    assertThat(kafka.isRunning()).isFalse();
    kafka.start();

    assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
    assertThat(KafkaTestClients.readCommitted(kafka.bootstrapServers(), topic, 1))
        .containsExactly("k1=hello");
  }

  @Test
  void shouldRunSqlWhenDatabaseCreated() throws SQLException {
    EmbeddedPostgresServer postgres = infrastructure.postgres();
    String database = SharedInfrastructure.uniqueName("db") + "auth";

    postgres.createDatabaseIfAbsent(database);
    postgres.createDatabaseIfAbsent(database);

    try (Connection connection = postgres.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL)");
      statement.execute("INSERT INTO users VALUES (1, 'a@ohkay.io'), (2, 'b@ohkay.io')");
      try (ResultSet rows =
          statement.executeQuery("SELECT count(*), current_setting('wal_level') FROM users")) {
        assertThat(rows.next()).isTrue();
        assertThat(List.of(rows.getInt(1), rows.getString(2))).containsExactly(2, "logical");
      }
    }
  }

  @Test
  void shouldRejectDatabaseNameWhenNotLowerCaseIdentifier() {
    EmbeddedPostgresServer postgres = infrastructure.postgres();

    assertThatThrownBy(
            () -> postgres.createDatabaseIfAbsent("Robert\"; DROP DATABASE postgres; --"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> postgres.createDatabaseIfAbsent("x".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldKeepRunningWhenSharedInfrastructureIsClosedByATest() {
    infrastructure.close();

    assertThat(SharedInfrastructure.get()).isSameAs(infrastructure);
    assertThat(infrastructure.kafka().isRunning()).isTrue();
    assertThat(infrastructure.postgres().jdbcUrl("postgres"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:" + infrastructure.postgres().port() + "/postgres");
  }
}
