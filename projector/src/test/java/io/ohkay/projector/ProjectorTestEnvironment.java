package io.ohkay.projector;

import io.ohkay.platform.infra.EmbeddedInfrastructure;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.schemas.event.CloudEventHeaders;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.placement.ServerCredentials;
import io.ohkay.schemas.topic.Topic;
import io.ohkay.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One test class's namespace on the shared embedded Kafka and PostgreSQL: a unique prefix for its
 * topics (created here, as the platform would), consumer groups and databases, and a transactional
 * producer publishing events as the decider does.
 */
public final class ProjectorTestEnvironment implements AutoCloseable {

  private final EmbeddedInfrastructure infrastructure;
  private final String prefix;
  private final Admin admin;
  private final KafkaProducer<String, byte[]> producer;
  private final Path placementKeyFile;

  private ProjectorTestEnvironment(EmbeddedInfrastructure infrastructure, String prefix) {
    this.infrastructure = infrastructure;
    this.prefix = prefix;
    this.placementKeyFile =
        infrastructure.dataDir().resolve("keys").resolve(prefix + "placement.key");
    this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                prefix + "decider-" + UUID.randomUUID(),
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new ByteArraySerializer());
    producer.initTransactions();
  }

  /** A fresh namespace with the events topics created. */
  public static ProjectorTestEnvironment create() throws Exception {
    var environment =
        new ProjectorTestEnvironment(
            SharedInfrastructure.get(), SharedInfrastructure.uniqueName("pj"));
    environment.createTopics();
    return environment;
  }

  private void createTopics() throws ExecutionException, InterruptedException {
    var topics = new ArrayList<NewTopic>();
    for (Topic<Event> topic : Topics.eventTopics()) {
      topics.add(
          new NewTopic(topic.in(prefix), topic.partitions(), (short) 1)
              .configs(Map.of("retention.ms", Long.toString(topic.retentionMs()))));
    }
    admin.createTopics(topics).all().get();
  }

  /** The topic, group and database prefix of this environment. */
  public String prefix() {
    return prefix;
  }

  public String bootstrapServers() {
    return infrastructure.kafka().bootstrapServers();
  }

  public Admin admin() {
    return admin;
  }

  public DatabaseNames names() {
    return new DatabaseNames(prefix);
  }

  /**
   * Projector settings for this namespace, server databases on the shared PostgreSQL (cluster
   * {@code main}); polls briefly so tests are quick.
   */
  public ProjectorProperties properties() {
    return properties(List.of());
  }

  /** As {@link #properties()}, with these clusters of server databases. */
  public ProjectorProperties properties(List<ProjectorProperties.Cluster> clusters) {
    var postgres = infrastructure.postgres();
    return new ProjectorProperties(
        bootstrapServers(),
        prefix,
        prefix,
        new ProjectorProperties.Postgres(
            postgres.host(), postgres.port(), postgres.username(), postgres.password()),
        clusters,
        placementKeyFile,
        prefix + "projector",
        Duration.ofMillis(100),
        16);
  }

  public ProjectorProperties.Postgres postgres() {
    return properties().postgres();
  }

  /** The shared PostgreSQL as cluster {@code name} of server databases. */
  public ProjectorProperties.Cluster sharedCluster(String name) {
    var postgres = infrastructure.postgres();
    return new ProjectorProperties.Cluster(
        name, postgres.host(), postgres.port(), postgres.username(), postgres.password());
  }

  /** This environment's placement key file; generated by the first projector started. */
  public Path placementKeyFile() {
    return placementKeyFile;
  }

  /** The credentials under this environment's placement key (generating it if absent). */
  public ServerCredentials credentials() {
    return ServerCredentials.loadOrGenerate(placementKeyFile);
  }

  public String serverTopic() {
    return Topics.SERVER_EVENTS.in(prefix);
  }

  public String authTopic() {
    return Topics.AUTH_EVENTS.in(prefix);
  }

  public String dmTopic() {
    return Topics.DM_EVENTS.in(prefix);
  }

  /**
   * Publishes events in one transaction, each to its events topic, keyed by aggregate, timestamped
   * when it occurred, with the CloudEvents headers.
   */
  public void send(List<Event> events) {
    producer.beginTransaction();
    events.forEach(event -> producer.send(record(event)));
    producer.commitTransaction();
  }

  /** Publishes raw bytes in a transaction, as a faulty producer would. */
  public void sendRaw(String topic, String key, byte[] value) {
    producer.beginTransaction();
    producer.send(new ProducerRecord<>(topic, key, value));
    producer.commitTransaction();
  }

  public void sendRaw(String topic, String key, String value) {
    sendRaw(topic, key, value.getBytes(StandardCharsets.UTF_8));
  }

  private ProducerRecord<String, byte[]> record(Event event) {
    var topic =
        switch (event.payload()) {
          case UserEvent ignored -> authTopic();
          case ServerEvent ignored -> serverTopic();
          case DmEvent ignored -> dmTopic();
        };
    var headers = new RecordHeaders();
    CloudEventHeaders.of(event, "ohkay-test").forEach(headers::add);
    return new ProducerRecord<>(
        topic,
        null,
        event.occurredAt().toEpochMilli(),
        event.aggregateId().toString(),
        Json.write(event),
        headers);
  }

  /** The committed end offsets of a topic's partitions. */
  public Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    var partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
    var query = new HashMap<TopicPartition, OffsetSpec>();
    partitions.forEach(
        p -> query.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    var options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
    var ends = new HashMap<TopicPartition, Long>();
    admin.listOffsets(query, options).all().get().forEach((p, info) -> ends.put(p, info.offset()));
    return ends;
  }

  /** A connection to one of this environment's databases. */
  public Connection connect(String database) throws SQLException {
    var postgres = infrastructure.postgres();
    return DriverManager.getConnection(
        postgres.jdbcUrl(database), postgres.username(), postgres.password());
  }

  /** The single number a query returns. */
  public long queryLong(String database, String sql) throws SQLException {
    try (var connection = connect(database);
        var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The single text a query returns. */
  public String queryString(String database, String sql) throws SQLException {
    try (var connection = connect(database);
        var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** The text of each row of {@code from} as {@code row} gives it, ordered, joined by commas. */
  public String queryRows(String database, String row, String from, String orderBy)
      throws SQLException {
    return queryString(
        database, "SELECT string_agg(" + row + ", ',' ORDER BY " + orderBy + ") FROM " + from);
  }

  /** Runs an update and returns the rows it changed. */
  public int update(String database, String sql) throws SQLException {
    try (var connection = connect(database);
        var statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }

  /** Whether a database exists. */
  public boolean databaseExists(String database) throws SQLException {
    return queryLong(
            "postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")
        == 1;
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
  }
}
