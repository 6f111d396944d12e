package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ProjectorPropertiesTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

  @Test
  void shouldApplyDefaultsWhenOnlyBootstrapServersAreSet() {
    runner
        .withPropertyValues("ohkay.projector.bootstrap-servers=kafka:9092")
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
            "ohkay.projector.max-server-pools=4")
        .run(
            context -> {
              var properties = context.getBean(ProjectorProperties.class);
              assertThat(properties.topicPrefix()).isEqualTo("t1.");
              assertThat(properties.postgres().endpoint().jdbcUrl("x"))
                  .startsWith("jdbc:postgresql://db:6543/x?");
              assertThat(properties.postgres().toString()).doesNotContain("secret");
              assertThat(properties.pollTimeout()).isEqualTo(Duration.ofSeconds(2));
              assertThat(properties.maxServerPools()).isEqualTo(4);
            });
  }

  @Test
  void shouldFailNamingThePropertyWhenDatabasePrefixIsInvalid() {
    runner
        .withPropertyValues(
            "ohkay.projector.bootstrap-servers=kafka:9092",
            "ohkay.projector.database-prefix=Bad-Prefix")
        .run(
            context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("databasePrefix"));
  }

  @Test
  void shouldFailNamingThePropertyWhenBootstrapServersAreMissing() {
    runner.run(
        context ->
            assertThat(context.getStartupFailure()).hasStackTraceContaining("bootstrapServers"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ProjectorProperties.class)
  static class PropertiesOnly {}
}
