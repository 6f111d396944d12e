package io.ohkay.edge;

import io.ohkay.edge.channel.ChannelRoutes;
import io.ohkay.edge.db.Databases;
import io.ohkay.edge.message.MessageRoutes;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerRoutes;
import io.ohkay.edge.stream.StreamRoutes;
import io.ohkay.edge.stream.StreamSettings;
import io.ohkay.edge.web.Authenticator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The realtime edge, ready to be imported into a WebFlux application next to other modules:
 * read-only routes under {@code /api} (servers, channels, messages, stream), each mapping its own
 * errors to problem+json, and the {@code edge} health indicator. Beans are named {@code edge*} so
 * they never collide with another module's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
@Import({ServerRoutes.class, ChannelRoutes.class, MessageRoutes.class, StreamRoutes.class})
public class EdgeConfiguration {

  @Bean(destroyMethod = "close")
  Databases edgeDatabases(EdgeProperties properties) {
    var postgres = properties.postgres();
    return new Databases(
        new Databases.Settings(
            postgres.host(),
            postgres.port(),
            postgres.username(),
            postgres.password(),
            postgres.maxPoolSize()),
        properties.registryDatabase());
  }

  @Bean
  Authenticator edgeAuthenticator(EdgeProperties properties) {
    return new Authenticator(properties.accessTokenKeyFile());
  }

  @Bean
  ReadYourWrites edgeReadYourWrites(EdgeProperties properties) {
    return new ReadYourWrites(properties.readYourWritesMaxWait());
  }

  @Bean
  StreamSettings edgeStreamSettings(EdgeProperties properties) {
    return new StreamSettings(
        properties.bootstrapServers(),
        properties.topicPrefix(),
        properties.heartbeatInterval(),
        properties.connectionBufferSize());
  }
}
