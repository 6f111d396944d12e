package io.ohkay.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class EdgePropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(EdgeProperties.class)
  static class PropertiesOnly {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

  @Test
  void shouldApplyDefaultsWhenOnlyTheRequiredSettingsAreGiven() {
    runner
        .withPropertyValues(
            "ohkay.edge.bootstrap-servers=127.0.0.1:9092",
            "ohkay.edge.access-token-key-file=/keys/access.jwk",
            "ohkay.edge.placement-key-file=/keys/placement.key")
        .run(
            context -> {
              var properties = context.getBean(EdgeProperties.class);
              assertThat(properties.placementKeyFile()).isEqualTo(Path.of("/keys/placement.key"));
              assertThat(properties.clusters()).isEmpty();
              assertThat(properties.effectiveClusters())
                  .containsExactly(
                      new EdgeProperties.Cluster("main", "127.0.0.1", 5432, "postgres", ""));
              assertThat(properties.topicPrefix()).isEmpty();
              assertThat(properties.registryDatabase()).isEqualTo("ohkay_server_registry");
              assertThat(properties.dmsDatabase()).isEqualTo("ohkay_dms");
              assertThat(properties.presenceInterval()).isEqualTo(Duration.ofSeconds(5));
              assertThat(properties.presenceTtl()).isEqualTo(Duration.ofSeconds(15));
              assertThat(UUID.fromString(properties.instanceId())).isNotNull();
              assertThat(properties.accessTokenKeyFile()).isEqualTo(Path.of("/keys/access.jwk"));
              assertThat(properties.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
              assertThat(properties.connectionBufferSize()).isEqualTo(1000);
              assertThat(properties.readYourWritesMaxWait()).isEqualTo(Duration.ofSeconds(5));
              assertThat(properties.postgres().host()).isEqualTo("127.0.0.1");
              assertThat(properties.postgres().port()).isEqualTo(5432);
              assertThat(properties.postgres().username()).isEqualTo("postgres");
              assertThat(properties.postgres().password()).isEmpty();
            });
  }

  @Test
  void shouldFailNamingThePropertyWhenASettingIsWrong() {
    runner
        .withPropertyValues(
            "ohkay.edge.access-token-key-file=/keys/access.jwk",
            "ohkay.edge.connection-buffer-size=0")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("bootstrapServers")
                    .hasMessageContaining("connectionBufferSize"));
  }

  @Test
  void shouldFailWhenADurationIsNotPositive() {
    runner
        .withPropertyValues(
            "ohkay.edge.bootstrap-servers=127.0.0.1:9092",
            "ohkay.edge.access-token-key-file=/keys/access.jwk",
            "ohkay.edge.placement-key-file=/keys/placement.key",
            "ohkay.edge.heartbeat-interval=0s")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("ohkay.edge.heartbeat-interval"));
  }

  @Test
  void shouldFailNamingThePropertyWhenThePresenceIntervalIsNotPositive() {
    runner
        .withPropertyValues(
            "ohkay.edge.bootstrap-servers=127.0.0.1:9092",
            "ohkay.edge.access-token-key-file=/keys/access.jwk",
            "ohkay.edge.placement-key-file=/keys/placement.key",
            "ohkay.edge.presence-interval=0s")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("ohkay.edge.presence-interval"));
  }

  @Test
  void shouldFailNamingThePropertyWhenThePresenceTtlIsNotLongerThanTheInterval() {
    runner
        .withPropertyValues(
            "ohkay.edge.bootstrap-servers=127.0.0.1:9092",
            "ohkay.edge.access-token-key-file=/keys/access.jwk",
            "ohkay.edge.placement-key-file=/keys/placement.key",
            "ohkay.edge.presence-interval=5s",
            "ohkay.edge.presence-ttl=5s")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("ohkay.edge.presence-ttl"));
  }

  @Test
  void shouldKeepTheConfiguredInstanceIdWhenOneIsGivenAndDrawOnePerStartOtherwise() {
    var required =
        new String[] {
          "ohkay.edge.bootstrap-servers=127.0.0.1:9092",
          "ohkay.edge.access-token-key-file=/keys/access.jwk",
          "ohkay.edge.placement-key-file=/keys/placement.key"
        };
    var drawn = new String[2];
    runner
        .withPropertyValues(required)
        .run(context -> drawn[0] = context.getBean(EdgeProperties.class).instanceId());
    runner
        .withPropertyValues(required)
        .run(context -> drawn[1] = context.getBean(EdgeProperties.class).instanceId());
    runner
        .withPropertyValues(required)
        .withPropertyValues("ohkay.edge.instance-id=edge-eu-1")
        .run(
            context ->
                assertThat(context.getBean(EdgeProperties.class).instanceId())
                    .isEqualTo("edge-eu-1"));

    assertThat(drawn[0]).isNotBlank().isNotEqualTo(drawn[1]);
  }

  @Test
  void shouldUseTheConfiguredClustersWhenSomeAreGiven() {
    runner
        .withPropertyValues(
            "ohkay.edge.bootstrap-servers=127.0.0.1:9092",
            "ohkay.edge.access-token-key-file=/keys/access.jwk",
            "ohkay.edge.placement-key-file=/keys/placement.key",
            "ohkay.edge.clusters[0].name=main",
            "ohkay.edge.clusters[0].host=db1",
            "ohkay.edge.clusters[1].name=second",
            "ohkay.edge.clusters[1].host=db2",
            "ohkay.edge.clusters[1].port=6432",
            "ohkay.edge.clusters[1].password=secret")
        .run(
            context ->
                assertThat(context.getBean(EdgeProperties.class).effectiveClusters())
                    .containsExactly(
                        new EdgeProperties.Cluster("main", "db1", 5432, "postgres", ""),
                        new EdgeProperties.Cluster("second", "db2", 6432, "postgres", "secret")));
  }

  @Test
  void shouldFailNamingThePropertyWhenClusterNamesRepeat() {
    runner
        .withPropertyValues(
            "ohkay.edge.bootstrap-servers=127.0.0.1:9092",
            "ohkay.edge.access-token-key-file=/keys/access.jwk",
            "ohkay.edge.placement-key-file=/keys/placement.key",
            "ohkay.edge.clusters[0].name=main",
            "ohkay.edge.clusters[1].name=main")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("ohkay.edge.clusters"));
  }
}
