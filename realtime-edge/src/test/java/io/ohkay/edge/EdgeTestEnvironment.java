package io.ohkay.edge;

import io.ohkay.platform.infra.EmbeddedInfrastructure;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.event.CloudEventHeaders;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import io.ohkay.schemas.placement.ServerCredentials;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One test class's world on the shared embedded Kafka and PostgreSQL: a unique topic and database
 * prefix, the projected databases created by the projector's own migration files (the projector is
 * not a dependency of the edge, its files are read from the source tree, so the edge's reads fail
 * here when the schemas drift), rows written as the projector writes them, an access-token key, and
 * a transactional producer writing events as the decider does. Registered as an extension of its
 * test class, it closes after the class.
 */
public final class EdgeTestEnvironment implements AutoCloseable, AfterAllCallback {

  /** Partitions of the test topics: fewer than production, enough to spread servers. */
  public static final int PARTITIONS = 3;

  private final EmbeddedInfrastructure infra = SharedInfrastructure.get();
  private final String prefix;
  private final String registryDatabase;
  private final String authDatabase;
  private final String dmsDatabase;
  private final java.nio.file.Path keyFile;
  private final java.nio.file.Path placementKeyFile;
  private final ServerCredentials credentials;
  private final TestTokens tokens;
  private @Nullable KafkaProducer<String, byte[]> producer;

  private EdgeTestEnvironment(String name) {
    this.prefix = SharedInfrastructure.uniqueName(name);
    this.registryDatabase = prefix + "server_registry";
    this.authDatabase = prefix + "auth";
    this.dmsDatabase = prefix + "dms";
    try {
      var keys = Files.createTempDirectory("edge-keys");
      this.keyFile = keys.resolve("access-token.jwk");
      this.placementKeyFile = keys.resolve("placement.key");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.credentials = ServerCredentials.loadOrGenerate(placementKeyFile);
    this.tokens = new TestTokens(AccessTokenKeys.loadOrGenerate(keyFile));
  }

  /** Creates the registry database and the events topics under a unique prefix. */
  public static EdgeTestEnvironment create(String name) {
    var environment = new EdgeTestEnvironment(name);
    environment.createDatabase(environment.registryDatabase, migrations("registry"));
    environment.createDatabase(environment.authDatabase, migrations("auth"));
    environment.createDatabase(environment.dmsDatabase, migrations("dms"));
    environment.createTopics();
    return environment;
  }

  /** The edge's settings for this world. */
  public Map<String, Object> properties() {
    var postgres = infra.postgres();
    return Map.ofEntries(
        Map.entry("ohkay.edge.bootstrap-servers", infra.kafka().bootstrapServers()),
        Map.entry("ohkay.edge.topic-prefix", prefix),
        Map.entry("ohkay.edge.postgres.host", postgres.host()),
        Map.entry("ohkay.edge.postgres.port", postgres.port()),
        Map.entry("ohkay.edge.postgres.username", postgres.username()),
        Map.entry("ohkay.edge.postgres.password", postgres.password()),
        Map.entry("ohkay.edge.registry-database", registryDatabase),
        Map.entry("ohkay.edge.auth-database", authDatabase),
        Map.entry("ohkay.edge.dms-database", dmsDatabase),
        Map.entry("ohkay.edge.access-token-key-file", keyFile.toString()),
        Map.entry("ohkay.edge.placement-key-file", placementKeyFile.toString()),
        // Cached contexts close one after the other when the JVM exits; netty's default 2 s
        // of quiet per context would outlast the 30 s surefire gives the fork to exit.
        Map.entry("spring.reactor.netty.shutdown-quiet-period", "0s"));
  }

  /** The placement master key the server databases' passwords are sealed under. */
  public ServerCredentials credentials() {
    return credentials;
  }

  public TestTokens tokens() {
    return tokens;
  }

  public String registryDatabase() {
    return registryDatabase;
  }

  public String authDatabase() {
    return authDatabase;
  }

  public String dmsDatabase() {
    return dmsDatabase;
  }

  /** The full name of {@code topic} in this world. */
  public String topic(io.ohkay.schemas.topic.Topic<?> topic) {
    return topic.in(prefix);
  }

  /** A consumer of every partition of {@code topic} in this namespace, from the beginning. */
  public KafkaConsumer<String, byte[]> readFromStart(io.ohkay.schemas.topic.Topic<?> topic) {
    var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers()),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    var partitions =
        IntStream.range(0, PARTITIONS)
            .mapToObj(partition -> new TopicPartition(topic(topic), partition))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  /** An account with its profile, as the projector writes a registration. */
  public void addUser(UUID user, String email, String displayName, @Nullable String bio) {
    var created = now();
    sql(
        authDatabase,
        "insert into users(id, email, password_hash, created_at) values (?, ?, ?, ?)",
        user,
        email,
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        created);
    sql(
        authDatabase,
        "insert into user_profiles values (?, ?, null, ?, ?)",
        user,
        displayName,
        bio,
        created);
  }

  /** A live session of {@code user}, at generation {@code generation}. */
  public void addSession(UUID session, UUID user, int generation, @Nullable String ip) {
    sql(
        authDatabase,
        "insert into sessions(id, user_id, generation, created_at, refreshed_at, expires_at, ip,"
            + " user_agent) values (?, ?, ?, ?, ?, ?, ?, 'test-agent')",
        session,
        user,
        generation,
        now(),
        now(),
        now().plusDays(30),
        ip);
  }

  /** Erases an account as the projector does on {@code user.deleted.v1}. */
  public void deleteUser(UUID user) {
    sql(authDatabase, "delete from user_profiles where user_id = ?", user);
    sql(
        authDatabase,
        "update users set email = null, password_hash = null, deleted_at = ? where id = ?",
        now(),
        user);
  }

  /**
   * A server with its own database and its everyone role (the default permissions), owned (and
   * joined) by {@code owner}, on cluster {@code main}.
   */
  public UUID createServer(String name, UUID owner) {
    return createServer(name, owner, ServerCreated.DEFAULT_CLUSTER);
  }

  /**
   * A server as the projector provisions it on {@code cluster} (here always the shared PostgreSQL):
   * a login role named like the database owning it, connect revoked from others, the migrations run
   * as that role, and the registry row with the role's password sealed for it.
   */
  public UUID createServer(String name, UUID owner, String cluster) {
    var server = UUID.randomUUID();
    var database = databaseOf(server);
    var role = ServerCredentials.roleName(database);
    var password = credentials.passwordOf(new ServerId(server));
    sql("postgres", "create role " + role + " login password '" + password + "'");
    sql("postgres", "create database " + database + " owner " + role);
    sql("postgres", "revoke connect on database " + database + " from public");
    sqlAs(role, password, database, migrations("server"));
    sql(
        registryDatabase,
        "insert into servers(id, name, owner_id, cluster, database_name, created_at, db_role,"
            + " db_credentials) values (?, ?, ?, ?, ?, ?, ?, ?)",
        server,
        name,
        owner,
        cluster,
        database,
        now(),
        role,
        credentials.seal(
            password, ServerCredentials.boundTo(new ServerId(server), cluster, database, role)));
    addRole(server, server, "@everyone", PermissionSet.EVERYONE_DEFAULT.toList());
    addMember(server, owner);
    return server;
  }

  public void addMember(UUID server, UUID user) {
    sql(registryDatabase, "insert into server_members values (?, ?, ?)", server, user, now());
    sql(
        registryDatabase,
        "update servers set member_count = member_count + 1 where id = ?",
        server);
  }

  /** A role of {@code server} granting {@code permissions} (its id the server's: everyone). */
  public void addRole(UUID server, UUID role, String name, List<Permission> permissions) {
    sql(
        databaseOf(server),
        "insert into roles values (?, ?, ?, ?) on conflict (id) do update"
            + " set name = excluded.name, permissions = excluded.permissions",
        role,
        name,
        names(permissions),
        now());
  }

  public void assignRole(UUID server, UUID user, UUID role) {
    sql(databaseOf(server), "insert into member_roles values (?, ?)", user, role);
  }

  /** Sets the overwrite of {@code target} (a role or a member) in {@code channel}. */
  public void setOverwrite(
      UUID server,
      UUID channel,
      OverwriteTarget type,
      UUID target,
      List<Permission> allow,
      List<Permission> deny) {
    sql(
        databaseOf(server),
        "insert into channel_overwrites values (?, ?, ?, ?, ?) on conflict (channel_id, target_id)"
            + " do update set allow = excluded.allow, deny = excluded.deny",
        channel,
        type.name(),
        target,
        names(allow),
        names(deny));
  }

  /** {@code user} read {@code channel} up to {@code seq}. */
  public void markRead(UUID server, UUID user, UUID channel, long seq) {
    sql(
        databaseOf(server),
        "insert into read_states values (?, ?, ?, ?) on conflict (user_id, channel_id)"
            + " do update set last_read_seq = excluded.last_read_seq",
        user,
        channel,
        seq,
        now());
  }

  /** Deletes {@code server} as the projector does on {@code server.deleted.v1}. */
  public void deleteServer(UUID server) {
    sql(registryDatabase, "delete from server_members where server_id = ?", server);
    sql(
        registryDatabase,
        "update servers set deleted_at = ?, database_state = 'DROPPED', member_count = 0"
            + " where id = ?",
        now(),
        server);
    sql("postgres", "drop database " + databaseOf(server) + " with (force)");
    sql("postgres", "drop role " + ServerCredentials.roleName(databaseOf(server)));
  }

  private static String[] names(List<Permission> permissions) {
    return permissions.stream().map(Permission::name).toArray(String[]::new);
  }

  public String databaseOf(UUID server) {
    return prefix + "server_" + server.toString().replace("-", "");
  }

  public UUID addChannel(UUID server, String name, int position) {
    var channel = UUID.randomUUID();
    sql(
        databaseOf(server),
        "insert into channels values (?, ?, ?, ?)",
        channel,
        name,
        position,
        now());
    return channel;
  }

  public UUID addMessage(UUID server, UUID channel, UUID author, String content, long seq) {
    var message = UUID.randomUUID();
    sql(
        databaseOf(server),
        "insert into messages(id, channel_id, author_id, content, created_at, seq)"
            + " values (?, ?, ?, ?, ?, ?)",
        message,
        channel,
        author,
        content,
        now(),
        seq);
    return message;
  }

  /** Records that {@code database} applied {@code aggregate} up to {@code seq}. */
  public void applied(String database, UUID aggregate, long seq) {
    sql(
        database,
        "insert into aggregate_versions values (?, ?)"
            + " on conflict (aggregate_id) do update set seq = excluded.seq",
        aggregate,
        seq);
  }

  /**
   * The conversation of {@code initiator} and {@code other}, opened at {@code at}, as the projector
   * writes it in the DM database; its id.
   */
  public UUID openConversation(UUID initiator, UUID other, Instant at) {
    var id = ConversationId.between(new UserId(initiator), new UserId(other)).value();
    var low = initiator.compareTo(other) < 0 ? initiator : other;
    var high = low.equals(initiator) ? other : initiator;
    var opened = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    sql(
        dmsDatabase,
        "insert into dm_conversations values (?, ?, ?, ?, ?, ?)",
        id,
        low,
        high,
        initiator,
        opened,
        opened);
    return id;
  }

  /** Runs one statement on {@code database}. */
  public void sql(String database, String statement, Object... parameters) {
    var postgres = infra.postgres();
    sqlAs(postgres.username(), postgres.password(), database, statement, parameters);
  }

  /** The users of the edge's open connections to {@code database}. */
  public List<String> sessionsOf(String database) {
    var postgres = infra.postgres();
    try (var connection =
            DriverManager.getConnection(
                postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
        var prepared =
            connection.prepareStatement(
                "select usename from pg_stat_activity where datname = ?"
                    + " and application_name = 'ohkay-realtime-edge'")) {
      prepared.setString(1, database);
      try (var rows = prepared.executeQuery()) {
        var users = new java.util.ArrayList<String>();
        while (rows.next()) {
          users.add(rows.getString(1));
        }
        return users;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement on {@code database} as {@code user}. */
  private void sqlAs(
      String user, String password, String database, String statement, Object... parameters) {
    try (var connection =
            DriverManager.getConnection(infra.postgres().jdbcUrl(database), user, password);
        var prepared = connection.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        prepared.setObject(i + 1, parameters[i]);
      }
      prepared.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  /** Appends {@code events} to the server events topic in one committed transaction. */
  public void publish(Event... events) {
    transaction(Topics.SERVER_EVENTS.in(prefix), true, events);
  }

  /** Appends {@code events} to the account events topic in one committed transaction. */
  public void publishAccount(Event... events) {
    transaction(Topics.AUTH_EVENTS.in(prefix), true, events);
  }

  /** Appends {@code events} to the direct-message events topic in one committed transaction. */
  public void publishDm(Event... events) {
    transaction(Topics.DM_EVENTS.in(prefix), true, events);
  }

  /** Appends {@code events} in a transaction that is then aborted: no reader may see them. */
  public void publishAborted(Event... events) {
    transaction(Topics.SERVER_EVENTS.in(prefix), false, events);
  }

  private synchronized void transaction(String topic, boolean commit, Event... events) {
    var kafka = producer();
    kafka.beginTransaction();
    for (var event : events) {
      var record = new ProducerRecord<>(topic, event.aggregateId().toString(), Json.write(event));
      CloudEventHeaders.of(event, "ohkay-edge-test")
          .forEach((key, value) -> record.headers().add(key, value));
      kafka.send(record);
    }
    if (commit) {
      kafka.commitTransaction();
    } else {
      kafka.flush();
      kafka.abortTransaction();
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  infra.kafka().bootstrapServers(),
                  ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                  prefix + "decider",
                  ProducerConfig.LINGER_MS_CONFIG,
                  5),
              new StringSerializer(),
              new ByteArraySerializer());
      producer.initTransactions();
    }
    return producer;
  }

  /** The projector's migrations of one kind of database ({@code auth}, ...), in order. */
  private static String migrations(String kind) {
    var directory =
        java.nio.file.Path.of("..", "projector", "src", "main", "resources", "db", kind);
    try (var files = Files.list(directory)) {
      var sql = new StringBuilder();
      var migrations =
          files
              .filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
              .sorted(java.util.Comparator.comparing(EdgeTestEnvironment::version))
              .toList();
      for (var file : migrations) {
        sql.append(Files.readString(file)).append('\n');
      }
      return sql.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the projector's " + kind + " migrations are not at " + directory, e);
    }
  }

  private static int version(java.nio.file.Path migration) {
    var name = migration.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }

  private void createDatabase(String database, String ddl) {
    infra.postgres().createDatabaseIfAbsent(database);
    sql(database, ddl);
  }

  private void createTopics() {
    try (var admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(Topics.SERVER_EVENTS.in(prefix), PARTITIONS, (short) 1),
                  new NewTopic(Topics.AUTH_EVENTS.in(prefix), PARTITIONS, (short) 1),
                  new NewTopic(Topics.DM_EVENTS.in(prefix), PARTITIONS, (short) 1),
                  new NewTopic(Topics.EPHEMERAL.in(prefix), PARTITIONS, (short) 1)))
          .all()
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
  }

  /**
   * Configures the edge of an {@link EdgeIntegrationTest} with {@link #properties()} of the test
   * class's static {@code EdgeTestEnvironment} field, above every other setting.
   */
  public static final class Properties implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
        Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
      for (var field : testClass.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())
            && field.getType() == EdgeTestEnvironment.class) {
          return new Customizer((EdgeTestEnvironment) read(field));
        }
      }
      return null;
    }

    private static Object read(Field field) {
      try {
        field.setAccessible(true);
        return field.get(null);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Equal for the same environment, so each test class keeps its own application context. */
    private record Customizer(EdgeTestEnvironment environment) implements ContextCustomizer {

      @Override
      public void customizeContext(
          ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        context
            .getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("edgeTestEnvironment", environment.properties()));
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close();
    }
  }
}
