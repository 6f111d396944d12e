package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.projector.rebuild.Rebuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Spring wiring the platform app imports, on the real infrastructure and without a DataSource.
 */
class ProjectorConfigurationIT {

  private static ProjectorTestEnvironment environment;

  @BeforeAll
  static void createEnvironment() throws Exception {
    environment = ProjectorTestEnvironment.create();
  }

  @AfterAll
  static void closeEnvironment() {
    environment.close();
  }

  @Test
  void shouldStartProvisionAndReportHealthyWhenImportedIntoAnApplication() {
    var properties = environment.properties();
    var postgres = properties.postgres();
    new ApplicationContextRunner()
        .withUserConfiguration(ProjectorConfiguration.class)
        .withPropertyValues(
            "ohkay.projector.bootstrap-servers=" + properties.bootstrapServers(),
            "ohkay.projector.topic-prefix=" + properties.topicPrefix(),
            "ohkay.projector.database-prefix=" + properties.databasePrefix(),
            "ohkay.projector.group-id=" + properties.groupId(),
            "ohkay.projector.postgres.host=" + postgres.host(),
            "ohkay.projector.postgres.port=" + postgres.port(),
            "ohkay.projector.postgres.username=" + postgres.username(),
            "ohkay.projector.postgres.password=" + postgres.password(),
            "ohkay.projector.placement-key-file=" + properties.placementKeyFile())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(ProjectorStatus.class);
              assertThat(context).hasSingleBean(Rebuilder.class);
              assertThat(context).hasSingleBean(DatabaseVerifier.class);
              var projector = context.getBean("projectorHealthIndicator", HealthIndicator.class);
              var databases = context.getBean("databasesHealthIndicator", HealthIndicator.class);
              assertThat(environment.databaseExists(environment.names().auth())).isTrue();
              assertThat(environment.databaseExists(environment.names().registry())).isTrue();
              assertThat(environment.databaseExists(environment.names().dms())).isTrue();
              await()
                  .atMost(Duration.ofSeconds(60))
                  .untilAsserted(
                      () -> {
                        var health = projector.health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails()).containsKeys("auth", "server", "dm");
                        var server = (Map<?, ?>) health.getDetails().get("server");
                        assertThat(server.get("running")).isEqualTo(true);
                        assertThat(server.get("lag")).isEqualTo(0L);
                        var dm = (Map<?, ?>) health.getDetails().get("dm");
                        assertThat(dm.get("topic")).isEqualTo(environment.dmTopic());
                        assertThat(dm.get("lag")).isEqualTo(0L);
                      });
              assertThat(databases.health().getStatus()).isEqualTo(Status.UP);
              assertThat(databases.health().getDetails())
                  .containsEntry(environment.names().auth(), "UP")
                  .containsEntry(environment.names().registry(), "UP")
                  .containsEntry(environment.names().dms(), "UP");
            });
  }
}
