package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.db.PostgresEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ProjectorPropertiesTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

  private static final String KEY_FILE =
      "ohkay.projector.placement-key-file=/var/ohkay/placement.key";

  @Test
  void shouldApplyDefaultsWhenOnlyBootstrapServersAndKeyFileAreSet() {
    runner
        .withPropertyValues("ohkay.projector.bootstrap-servers=kafka:9092", KEY_FILE)
        .run(
            context -> {
              var properties = context.getBean(ProjectorProperties.class);
              assertThat(properties.bootstrapServers()).isEqualTo("kafka:9092");
              assertThat(properties.topicPrefix()).isEmpty();
              assertThat(properties.databasePrefix()).isEqualTo("ohkay_");
              assertThat(properties.groupId()).isEqualTo("ohkay-projector");
              assertThat(properties.pollTimeout()).isEqualTo(Duration.ofMillis(500));
              assertThat(properties.maxServerPools()).isEqualTo(16);
              assertThat(properties.postgres())
                  .isEqualTo(new ProjectorProperties.Postgres("127.0.0.1", 5432, "postgres", ""));
              assertThat(properties.placementKeyFile())
                  .isEqualTo(Path.of("/var/ohkay/placement.key"));
              assertThat(properties.clusters()).isEmpty();
              assertThat(properties.clusterEndpoints())
                  .containsExactly(
                      Map.entry("main", new PostgresEndpoint("127.0.0.1", 5432, "postgres", "")));
            });
  }

  @Test
  void shouldBindEveryPropertyWhenAllAreSet() {
    runner
        .withPropertyValues(
            "ohkay.projector.bootstrap-servers=k1:9092,k2:9092",
            "ohkay.projector.topic-prefix=t1.",
            "ohkay.projector.database-prefix=t1_",
            "ohkay.projector.postgres.host=db",
            "ohkay.projector.postgres.port=6543",
            "ohkay.projector.postgres.username=ohkay",
            "ohkay.projector.postgres.password=secret",
            "ohkay.projector.group-id=g",
            "ohkay.projector.poll-timeout=2s",
            "ohkay.projector.max-server-pools=4",
            KEY_FILE,
            "ohkay.projector.clusters[0].name=eu",
            "ohkay.projector.clusters[0].host=db-eu",
            "ohkay.projector.clusters[0].port=5433",
            "ohkay.projector.clusters[0].username=admin",
            "ohkay.projector.clusters[0].password=topsecret",
            "ohkay.projector.clusters[1].name=us",
            "ohkay.projector.clusters[1].host=db-us")
        .run(
            context -> {
              var properties = context.getBean(ProjectorProperties.class);
              assertThat(properties.topicPrefix()).isEqualTo("t1.");
              assertThat(properties.postgres().endpoint().jdbcUrl("x"))
                  .startsWith("jdbc:postgresql://db:6543/x?");
              assertThat(properties.postgres().toString()).doesNotContain("secret");
              assertThat(properties.pollTimeout()).isEqualTo(Duration.ofSeconds(2));
              assertThat(properties.maxServerPools()).isEqualTo(4);
              assertThat(properties.clusterEndpoints())
                  .containsExactly(
                      Map.entry("eu", new PostgresEndpoint("db-eu", 5433, "admin", "topsecret")),
                      Map.entry("us", new PostgresEndpoint("db-us", 5432, "postgres", "")));
              assertThat(properties.clusters().toString()).doesNotContain("topsecret");
            });
  }

  @Test
  void shouldFailNamingThePropertyWhenDatabasePrefixIsInvalid() {
    runner
        .withPropertyValues(
            "ohkay.projector.bootstrap-servers=kafka:9092",
            "ohkay.projector.database-prefix=Bad-Prefix",
            KEY_FILE)
        .run(
            context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("databasePrefix"));
  }

  @Test
  void shouldFailNamingThePropertyWhenBootstrapServersAreMissing() {
    runner
        .withPropertyValues(KEY_FILE)
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("bootstrapServers"));
  }

  @Test
  void shouldFailNamingThePropertyWhenPlacementKeyFileIsMissing() {
    runner
        .withPropertyValues("ohkay.projector.bootstrap-servers=kafka:9092")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("placementKeyFile"));
  }

  @Test
  void shouldFailNamingThePropertyWhenTwoClustersShareAName() {
    runner
        .withPropertyValues(
            "ohkay.projector.bootstrap-servers=kafka:9092",
            KEY_FILE,
            "ohkay.projector.clusters[0].name=eu",
            "ohkay.projector.clusters[1].name=eu")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining(
                        "ohkay.projector.clusters: cluster names must be unique"));
  }

  @Test
  void shouldFailNamingThePropertyWhenAClusterNameIsBlank() {
    runner
        .withPropertyValues(
            "ohkay.projector.bootstrap-servers=kafka:9092",
            KEY_FILE,
            "ohkay.projector.clusters[0].name= ",
            "ohkay.projector.clusters[0].host=db")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("clusters[0].name"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ProjectorProperties.class)
  static class PropertiesOnly {}
}
