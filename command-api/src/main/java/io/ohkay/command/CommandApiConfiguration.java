package io.ohkay.command;

import io.ohkay.command.decider.DeciderTopics;
import io.ohkay.command.decider.DeciderTopology;
import io.ohkay.command.dm.BlockRoutes;
import io.ohkay.command.dm.ConversationPairs;
import io.ohkay.command.dm.DmCommands;
import io.ohkay.command.dm.DmDecider;
import io.ohkay.command.dm.DmRoutes;
import io.ohkay.command.dm.PresenceView;
import io.ohkay.command.kafka.CommandBus;
import io.ohkay.command.kafka.OutcomeListener;
import io.ohkay.command.kafka.RevocationListener;
import io.ohkay.command.kafka.SignalListener;
import io.ohkay.command.kafka.TopicsInitializer;
import io.ohkay.command.server.ChannelRoutes;
import io.ohkay.command.server.ClusterPlacement;
import io.ohkay.command.server.InviteDirectory;
import io.ohkay.command.server.MembershipRoutes;
import io.ohkay.command.server.MessageRoutes;
import io.ohkay.command.server.OverwriteRoutes;
import io.ohkay.command.server.RoleRoutes;
import io.ohkay.command.server.ServerCommands;
import io.ohkay.command.server.ServerDecider;
import io.ohkay.command.server.ServerRoutes;
import io.ohkay.command.token.AccessTokenIssuer;
import io.ohkay.command.token.RefreshTokens;
import io.ohkay.command.token.StreamTicketIssuer;
import io.ohkay.command.user.AccountDecider;
import io.ohkay.command.user.AuthContext;
import io.ohkay.command.user.AuthRateLimits;
import io.ohkay.command.user.AuthRoutes;
import io.ohkay.command.user.Credentials;
import io.ohkay.command.user.PasswordHasher;
import io.ohkay.command.user.RecentAccounts;
import io.ohkay.command.user.RegistrationDecider;
import io.ohkay.command.user.SessionTokens;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.token.AccessTokenVerifier;
import io.ohkay.schemas.token.SessionRevocations;
import io.ohkay.schemas.topic.Topic;
import io.ohkay.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Wires the write side: topics, the decider, the command bus and the write routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandApiProperties.class)
public class CommandApiConfiguration {

  /**
   * The clock of commands, hence of events: microsecond ticks, the precision PostgreSQL stores, so
   * a resource reads back with exactly the time its write answered with.
   */
  static final Clock COMMAND_CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

  @Bean(destroyMethod = "close")
  Admin commandApiAdmin(CommandApiProperties props) throws InterruptedException {
    var admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers()));
    TopicsInitializer.ensureTopics(admin, props.topicPrefix(), props.replicationFactor());
    return admin;
  }

  @Bean(destroyMethod = "close")
  DeciderStreams deciderStreams(CommandApiProperties props, Admin commandApiAdmin) {
    var builder = new StreamsBuilder();
    DeciderTopology.add(
        builder,
        topics(props, Topics.AUTH_COMMANDS, Topics.AUTH_EVENTS),
        List.of(
            new DeciderTopology.NamedDecider("registrations", new RegistrationDecider()),
            new DeciderTopology.NamedDecider("accounts", new AccountDecider())));
    DeciderTopology.add(
        builder,
        "servers",
        new ServerDecider(),
        topics(props, Topics.SERVER_COMMANDS, Topics.SERVER_EVENTS));
    DeciderTopology.add(
        builder, "dms", new DmDecider(), topics(props, Topics.DM_COMMANDS, Topics.DM_EVENTS));
    var streams = new KafkaStreams(builder.build(), streamsConfig(props));
    streams.start();
    return new DeciderStreams(streams);
  }

  private static DeciderTopics topics(
      CommandApiProperties props, Topic<?> commands, Topic<?> events) {
    return DeciderTopics.of(props.topicPrefix(), commands, events);
  }

  private static Properties streamsConfig(CommandApiProperties props) {
    var config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, props.topicPrefix() + props.applicationId());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, props.commitInterval().toMillis());
    config.put(StreamsConfig.STATE_DIR_CONFIG, props.stateDir().toAbsolutePath().toString());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) props.replicationFactor());
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    // After a crash (no leave-group), partitions move to a new instance after this long.
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
    // The stream thread commits (ends the transaction) only between polls: a short poll bounds the
    // time a decided command waits for its commit when no further command arrives.
    config.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, props.commitInterval().toMillis() / 2));
    return config;
  }

  @Bean(destroyMethod = "close")
  KafkaProducer<String, byte[]> commandProducer(CommandApiProperties props) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            props.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            1,
            ProducerConfig.CLIENT_ID_CONFIG,
            "ohkay-command-api"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  @Bean(destroyMethod = "close")
  OutcomeListener outcomeListener(CommandApiProperties props, Admin commandApiAdmin)
      throws InterruptedException {
    var listener =
        new OutcomeListener(
            readCommittedConsumer(props, "ohkay-outcomes"),
            Topics.COMMAND_OUTCOMES.in(props.topicPrefix()));
    listener.start(Duration.ofSeconds(60));
    return listener;
  }

  private static KafkaConsumer<String, byte[]> readCommittedConsumer(
      CommandApiProperties props, String clientId) {
    return new KafkaConsumer<>(
        Map.<String, Object>of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            props.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.CLIENT_ID_CONFIG,
            clientId),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  @Bean
  RecentAccounts recentAccounts(OutcomeListener outcomeListener) {
    var recent = new RecentAccounts();
    outcomeListener.observe(recent::accept);
    return recent;
  }

  @Bean
  CommandBus commandBus(KafkaProducer<String, byte[]> commandProducer, OutcomeListener outcomes) {
    return new CommandBus(commandProducer, outcomes);
  }

  @Bean
  AccessTokenIssuer accessTokenIssuer(CommandApiProperties props) {
    var key = AccessTokenKeys.loadOrGenerate(props.accessTokenKeyFile());
    return new AccessTokenIssuer(key, props.accessTokenTtl(), Clock.systemUTC());
  }

  @Bean
  StreamTicketIssuer streamTicketIssuer(CommandApiProperties props) {
    var key = AccessTokenKeys.loadOrGenerate(props.accessTokenKeyFile());
    return new StreamTicketIssuer(key, props.streamTicketTtl(), Clock.systemUTC());
  }

  @Bean
  SessionRevocations commandApiRevocations() {
    return new SessionRevocations();
  }

  @Bean(destroyMethod = "close")
  RevocationListener revocationListener(
      CommandApiProperties props, Admin commandApiAdmin, SessionRevocations commandApiRevocations)
      throws InterruptedException {
    var listener =
        new RevocationListener(
            readCommittedConsumer(props, "ohkay-revocations"),
            Topics.AUTH_EVENTS.in(props.topicPrefix()),
            commandApiRevocations,
            Clock.systemUTC());
    listener.start(Duration.ofSeconds(60));
    return listener;
  }

  @Bean
  BearerAuth commandApiBearerAuth(
      CommandApiProperties props, SessionRevocations commandApiRevocations) {
    var key = AccessTokenKeys.loadOrGenerate(props.accessTokenKeyFile());
    return new BearerAuth(new AccessTokenVerifier(key.toPublicJWK(), commandApiRevocations));
  }

  @Bean(destroyMethod = "close")
  CommandApiDatabases commandApiDatabases(CommandApiProperties props) {
    return new CommandApiDatabases(props.postgres());
  }

  @Bean
  RouterFunction<ServerResponse> authRoutes(
      CommandApiProperties props,
      CommandBus bus,
      AccessTokenIssuer tokens,
      StreamTicketIssuer streamTicketIssuer,
      BearerAuth commandApiBearerAuth,
      SessionRevocations commandApiRevocations,
      CommandApiDatabases commandApiDatabases,
      Scheduler passwordHashers,
      Credentials commandApiCredentials) {
    var refreshTokens = RefreshTokens.loadOrGenerate(props.refreshTokenKeyFile());
    var limits = props.rateLimits();
    var context =
        new AuthContext(
            bus,
            Topics.AUTH_COMMANDS.in(props.topicPrefix()),
            new PasswordHasher(),
            new SessionTokens(tokens, refreshTokens),
            commandApiCredentials,
            new AuthRateLimits(
                limit(limits.signupPerIp()),
                limit(limits.signinPerIp()),
                limit(limits.signinPerAccount())),
            commandApiRevocations,
            passwordHashers,
            props.outcomeTimeout(),
            COMMAND_CLOCK);
    return new AuthRoutes(context, refreshTokens, streamTicketIssuer, commandApiBearerAuth)
        .routes();
  }

  @Bean
  Credentials commandApiCredentials(
      CommandApiDatabases commandApiDatabases, RecentAccounts recentAccounts) {
    return new Credentials(
        commandApiDatabases.auth(), commandApiDatabases.registry(), recentAccounts);
  }

  /**
   * Argon2id is memory-hard: more hashes at once than cores only makes each slower. Excess sign-ins
   * wait in a bounded queue, then get 503.
   */
  @Bean(destroyMethod = "dispose")
  Scheduler passwordHashers() {
    var threads = Runtime.getRuntime().availableProcessors();
    return Schedulers.newBoundedElastic(threads, 512, "argon2", 60, true);
  }

  private static AuthRateLimits.Limit limit(CommandApiProperties.Limit limit) {
    return new AuthRateLimits.Limit(limit.capacity(), limit.period());
  }

  @Bean
  RouterFunction<ServerResponse> serverWriteRoutes(
      CommandApiProperties props,
      ServerCommands serverCommands,
      BearerAuth commandApiBearerAuth,
      CommandApiDatabases commandApiDatabases) {
    var placement = new ClusterPlacement(props.clusterNames(), commandApiDatabases.registry());
    return new ServerRoutes(serverCommands, commandApiBearerAuth, placement).routes();
  }

  @Bean
  ServerCommands serverCommands(CommandApiProperties props, CommandBus bus) {
    return new ServerCommands(
        bus, Topics.SERVER_COMMANDS.in(props.topicPrefix()), props.outcomeTimeout(), COMMAND_CLOCK);
  }

  @Bean
  InviteDirectory inviteDirectory(
      OutcomeListener outcomeListener, CommandApiDatabases commandApiDatabases) {
    var directory = new InviteDirectory(commandApiDatabases.registry());
    outcomeListener.observe(directory::accept);
    return directory;
  }

  @Bean
  RouterFunction<ServerResponse> membershipRoutes(
      ServerCommands serverCommands,
      BearerAuth commandApiBearerAuth,
      InviteDirectory inviteDirectory,
      Credentials commandApiCredentials) {
    return new MembershipRoutes(
            serverCommands, commandApiBearerAuth, inviteDirectory, commandApiCredentials)
        .routes();
  }

  @Bean
  RouterFunction<ServerResponse> channelWriteRoutes(
      ServerCommands serverCommands, BearerAuth commandApiBearerAuth) {
    return new ChannelRoutes(serverCommands, commandApiBearerAuth).routes();
  }

  @Bean
  RouterFunction<ServerResponse> roleWriteRoutes(
      ServerCommands serverCommands, BearerAuth commandApiBearerAuth) {
    return new RoleRoutes(serverCommands, commandApiBearerAuth).routes();
  }

  @Bean
  RouterFunction<ServerResponse> overwriteWriteRoutes(
      ServerCommands serverCommands, BearerAuth commandApiBearerAuth) {
    return new OverwriteRoutes(serverCommands, commandApiBearerAuth).routes();
  }

  @Bean
  RouterFunction<ServerResponse> messageWriteRoutes(
      ServerCommands serverCommands, BearerAuth commandApiBearerAuth) {
    return new MessageRoutes(serverCommands, commandApiBearerAuth).routes();
  }

  @Bean
  DmCommands dmCommands(CommandApiProperties props, CommandBus bus) {
    return new DmCommands(
        bus, Topics.DM_COMMANDS.in(props.topicPrefix()), props.outcomeTimeout(), COMMAND_CLOCK);
  }

  @Bean
  ConversationPairs conversationPairs(
      OutcomeListener outcomeListener, CommandApiDatabases commandApiDatabases) {
    var pairs = new ConversationPairs(commandApiDatabases.dms());
    outcomeListener.observe(pairs::accept);
    return pairs;
  }

  @Bean
  PresenceView presenceView(CommandApiProperties props) {
    return new PresenceView(props.presenceTtl(), Clock.systemUTC());
  }

  @Bean(destroyMethod = "close")
  SignalListener commandApiSignals(
      CommandApiProperties props, Admin commandApiAdmin, PresenceView presenceView)
      throws InterruptedException {
    var listener =
        new SignalListener(
            readCommittedConsumer(props, "ohkay-signals"),
            Topics.EPHEMERAL.in(props.topicPrefix()),
            props.presenceTtl(),
            Clock.systemUTC(),
            presenceView::accept);
    listener.start(Duration.ofSeconds(60));
    return listener;
  }

  @Bean
  RouterFunction<ServerResponse> dmWriteRoutes(
      DmCommands dmCommands,
      BearerAuth commandApiBearerAuth,
      Credentials commandApiCredentials,
      ConversationPairs conversationPairs,
      PresenceView presenceView) {
    return new DmRoutes(
            dmCommands,
            commandApiBearerAuth,
            commandApiCredentials,
            conversationPairs,
            presenceView)
        .routes();
  }

  @Bean
  RouterFunction<ServerResponse> blockWriteRoutes(
      DmCommands dmCommands, BearerAuth commandApiBearerAuth, Credentials commandApiCredentials) {
    return new BlockRoutes(dmCommands, commandApiBearerAuth, commandApiCredentials).routes();
  }

  @Bean
  RouterFunction<ServerResponse> commandStatusRoutes(
      OutcomeListener outcomes, BearerAuth commandApiBearerAuth) {
    return new CommandRoutes(outcomes, commandApiBearerAuth).routes();
  }

  @Bean("decider")
  DeciderHealth deciderHealth(DeciderStreams deciderStreams) {
    return new DeciderHealth(deciderStreams);
  }

  @Bean("kafka")
  KafkaHealth kafkaHealth(Admin commandApiAdmin) {
    return new KafkaHealth(commandApiAdmin);
  }
}
