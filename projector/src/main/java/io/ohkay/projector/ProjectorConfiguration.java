package io.ohkay.projector;

import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.projector.rebuild.Rebuilder;
import io.ohkay.schemas.placement.ServerCredentials;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projector's beans, imported by the platform app: the {@link Projector} (a {@code
 * SmartLifecycle}, also the {@link ProjectorStatus}), health contributors {@code projector} and
 * {@code databases}, and the rebuild and verify tooling (the verifier bean compares databases of
 * the home cluster; {@link Rebuilder#verify} those of a rebuild, on its cluster). Needs no
 * DataSource from Spring Boot: the projector pools its own databases.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectorProperties.class)
public class ProjectorConfiguration {

  @Bean
  Projector projector(ProjectorProperties properties) {
    return new Projector(properties);
  }

  @Bean
  HealthIndicator projectorHealthIndicator(Projector projector) {
    return new ProjectorHealthIndicator(projector);
  }

  @Bean
  HealthIndicator databasesHealthIndicator(Projector projector) {
    return new DatabasesHealthIndicator(projector);
  }

  @Bean
  Rebuilder rebuilder(ProjectorProperties properties) {
    return new Rebuilder(
        properties.bootstrapServers(),
        properties.topicPrefix(),
        new DatabaseNames(properties.databasePrefix()),
        properties.postgres().endpoint(),
        properties.clusterEndpoints(),
        ServerCredentials.loadOrGenerate(properties.placementKeyFile()));
  }

  @Bean
  DatabaseVerifier databaseVerifier(ProjectorProperties properties) {
    return new DatabaseVerifier(properties.postgres().endpoint());
  }
}
