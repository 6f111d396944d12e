package io.ohkay.edge;

import io.ohkay.edge.access.AccessReader;
import io.ohkay.edge.account.AccountRoutes;
import io.ohkay.edge.audit.AuditRoutes;
import io.ohkay.edge.channel.ChannelRoutes;
import io.ohkay.edge.db.Databases;
import io.ohkay.edge.db.PlacementKey;
import io.ohkay.edge.dm.DmRoutes;
import io.ohkay.edge.kafka.EphemeralFeed;
import io.ohkay.edge.kafka.RevocationFeed;
import io.ohkay.edge.kafka.SignalProducer;
import io.ohkay.edge.message.MessageRoutes;
import io.ohkay.edge.notification.NotificationRoutes;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.presence.PresenceBoard;
import io.ohkay.edge.presence.PresencePublisher;
import io.ohkay.edge.presence.PresenceRoutes;
import io.ohkay.edge.role.RoleRoutes;
import io.ohkay.edge.server.ServerRoutes;
import io.ohkay.edge.stream.StreamRoutes;
import io.ohkay.edge.stream.StreamSettings;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.KeepAliveReads;
import io.ohkay.schemas.token.SessionRevocations;
import io.ohkay.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The realtime edge, ready to be imported into a WebFlux application next to other modules:
 * read-only routes under {@code /api} (servers, channels, messages, roles, audit log, profiles,
 * session, notifications, direct messages, stream, presence and typing), each mapping its own
 * errors to problem+json, the {@code edge} health indicator, the revocations every route's
 * authentication honours, the presence signals of the users streaming here and the presence board
 * every edge's signals feed. Beans are named {@code edge*} so they never collide with another
 * module's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
@Import({
  ServerRoutes.class,
  ChannelRoutes.class,
  MessageRoutes.class,
  AccountRoutes.class,
  StreamRoutes.class,
  RoleRoutes.class,
  AuditRoutes.class,
  NotificationRoutes.class,
  DmRoutes.class,
  PresenceRoutes.class
})
public class EdgeConfiguration {

  /** How long the start waits for the revocations of the last hour before the web server opens. */
  private static final Duration REVOCATIONS_START_WAIT = Duration.ofSeconds(30);

  /** How long the start waits for the recent presence signals; presence fills in later if not. */
  private static final Duration SIGNALS_START_WAIT = Duration.ofSeconds(5);

  /** How often, at most, the presence board looks for expired signals. */
  private static final Duration PRESENCE_SWEEP = Duration.ofSeconds(1);

  @Bean(destroyMethod = "close")
  Databases edgeDatabases(EdgeProperties properties) {
    var postgres = properties.postgres();
    var clusters =
        properties.effectiveClusters().stream()
            .map(
                cluster ->
                    new Databases.Cluster(
                        cluster.name(),
                        cluster.host(),
                        cluster.port(),
                        cluster.username(),
                        cluster.password()))
            .toList();
    return new Databases(
        new Databases.Settings(
            postgres.host(),
            postgres.port(),
            postgres.username(),
            postgres.password(),
            postgres.maxPoolSize()),
        clusters,
        new PlacementKey(properties.placementKeyFile()),
        properties.registryDatabase(),
        properties.authDatabase(),
        properties.dmsDatabase());
  }

  /**
   * The HTTP server keeps reading keep-alive connections after each response (reactor-netty#4361;
   * in the platform, the one server command-api shares).
   */
  @Bean
  NettyServerCustomizer edgeKeepAliveReads() {
    return KeepAliveReads.customizer();
  }

  @Bean
  AccessReader edgeAccessReader(Databases edgeDatabases) {
    return new AccessReader(edgeDatabases);
  }

  @Bean
  SessionRevocations edgeSessionRevocations() {
    return new SessionRevocations();
  }

  @Bean
  RevocationFeed edgeRevocationFeed(
      EdgeProperties properties, SessionRevocations edgeSessionRevocations) {
    return new RevocationFeed(
        properties.bootstrapServers(),
        Topics.AUTH_EVENTS.in(properties.topicPrefix()),
        edgeSessionRevocations,
        REVOCATIONS_START_WAIT,
        Clock.systemUTC());
  }

  @Bean
  Authenticator edgeAuthenticator(
      EdgeProperties properties,
      SessionRevocations edgeSessionRevocations,
      RevocationFeed edgeRevocationFeed) {
    return new Authenticator(
        properties.accessTokenKeyFile(), edgeSessionRevocations, edgeRevocationFeed::loaded);
  }

  @Bean
  ReadYourWrites edgeReadYourWrites(EdgeProperties properties) {
    return new ReadYourWrites(properties.readYourWritesMaxWait());
  }

  @Bean(destroyMethod = "close")
  SignalProducer edgeSignalProducer(EdgeProperties properties) {
    return new SignalProducer(
        properties.bootstrapServers(), Topics.EPHEMERAL.in(properties.topicPrefix()));
  }

  @Bean(destroyMethod = "close")
  PresencePublisher edgePresence(EdgeProperties properties, SignalProducer edgeSignalProducer) {
    return new PresencePublisher(
        properties.instanceId(),
        properties.presenceInterval(),
        Clock.systemUTC(),
        presence -> edgeSignalProducer.send(presence.key(), presence));
  }

  @Bean(destroyMethod = "close")
  PresenceBoard edgePresenceBoard(EdgeProperties properties) {
    var sweepEvery =
        properties.presenceInterval().compareTo(PRESENCE_SWEEP) < 0
            ? properties.presenceInterval()
            : PRESENCE_SWEEP;
    return new PresenceBoard(properties.presenceTtl(), sweepEvery, Clock.systemUTC());
  }

  @Bean
  EphemeralFeed edgeEphemeralFeed(EdgeProperties properties, PresenceBoard edgePresenceBoard) {
    return new EphemeralFeed(
        properties.bootstrapServers(),
        Topics.EPHEMERAL.in(properties.topicPrefix()),
        properties.presenceTtl(),
        SIGNALS_START_WAIT,
        Clock.systemUTC(),
        edgePresenceBoard::accept);
  }

  @Bean
  StreamSettings edgeStreamSettings(EdgeProperties properties) {
    return new StreamSettings(
        properties.bootstrapServers(),
        properties.topicPrefix(),
        properties.heartbeatInterval(),
        properties.connectionBufferSize(),
        properties.resumeMemoryRecords());
  }
}
