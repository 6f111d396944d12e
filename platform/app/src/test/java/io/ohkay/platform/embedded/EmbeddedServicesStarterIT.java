package io.ohkay.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** External infrastructure turns the embedded one off, piece by piece. */
class EmbeddedServicesStarterIT {

  @TempDir Path dataDir;

  @Test
  void shouldStartNothingWhenKafkaAndPostgresAreConfigured() {
    var env =
        environment(
            Map.of(
                "ohkay.kafka.bootstrap-servers", "kafka.example:9092",
                "ohkay.postgres.host", "db.example"));

    new EmbeddedServicesStarter().onApplicationEvent(prepared(env));

    assertThat(env.getPropertySources().contains("ohkay-embedded")).isFalse();
    assertThat(env.getProperty("ohkay.kafka.bootstrap-servers")).isEqualTo("kafka.example:9092");
    assertThat(dataDir.resolve("kafka")).doesNotExist();
    assertThat(dataDir.resolve("postgres")).doesNotExist();
  }

  @Test
  void shouldStartOnlyKafkaWhenOnlyPostgresIsConfigured() throws Exception {
    var env = environment(Map.of("ohkay.postgres.host", "db.example"));

    new EmbeddedServicesStarter().onApplicationEvent(prepared(env));

    var bootstrap = env.getProperty("ohkay.kafka.bootstrap-servers");
    assertThat(bootstrap).startsWith("127.0.0.1:");
    assertThat(env.getProperty("ohkay.postgres.host")).isEqualTo("db.example");
    assertThat(dataDir.resolve("postgres")).doesNotExist();
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
    }
  }

  private StandardEnvironment environment(Map<String, Object> properties) {
    var env = new StandardEnvironment();
    var all = new java.util.HashMap<String, Object>(properties);
    all.put("ohkay.data-dir", dataDir.toString());
    all.put("ohkay.embedded.kafka-port", 0);
    all.put("ohkay.embedded.postgres-port", 0);
    env.getPropertySources().addFirst(new MapPropertySource("test", all));
    return env;
  }

  private static ApplicationEnvironmentPreparedEvent prepared(StandardEnvironment env) {
    return new ApplicationEnvironmentPreparedEvent(
        new DefaultBootstrapContext(), new SpringApplication(), new String[0], env);
  }
}
