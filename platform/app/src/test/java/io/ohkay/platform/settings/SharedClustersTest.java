package io.ohkay.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SharedClustersTest {

  private static final String SHARED = "ohkay.postgres.clusters";

  @Test
  void shouldCopyTheSharedClustersToEveryModuleWhenTheyAreConfigured() {
    var env =
        environment(
            Map.of(
                "ohkay.postgres.clusters[0].name", "main",
                "ohkay.postgres.clusters[0].host", "db1",
                "ohkay.postgres.clusters[1].name", "second",
                "ohkay.postgres.clusters[1].port", "6432",
                "ohkay.postgres.clusters[1].password", "secret"));

    new SharedClusters().postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getProperty("ohkay.command-api.clusters[1].name")).isEqualTo("second");
    assertThat(env.getProperty("ohkay.command-api.clusters[0].host")).isNull();
    for (var module : new String[] {"projector", "edge"}) {
      var prefix = "ohkay." + module + ".clusters";
      assertThat(env.getProperty(prefix + "[0].name")).isEqualTo("main");
      assertThat(env.getProperty(prefix + "[0].host")).isEqualTo("db1");
      assertThat(env.getProperty(prefix + "[1].port")).isEqualTo("6432");
      assertThat(env.getProperty(prefix + "[1].password")).isEqualTo("secret");
      assertThat(env.getProperty(prefix + "[2].name")).isNull();
    }
  }

  @Test
  void shouldKeepAModulesOwnClustersWhenItHasSome() {
    var env =
        environment(
            Map.of(
                "ohkay.postgres.clusters[0].name", "main",
                "ohkay.edge.clusters[0].name", "local"));

    new SharedClusters().postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getProperty("ohkay.edge.clusters[0].name")).isEqualTo("local");
    assertThat(env.getProperty("ohkay.projector.clusters[0].name")).isEqualTo("main");
  }

  @Test
  void shouldAddNothingWhenNoClusterIsShared() {
    var env = environment(Map.of("ohkay.postgres.clusters", ""));

    new SharedClusters().postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getPropertySources().contains(SharedClusters.SOURCE)).isFalse();
  }

  @Test
  void shouldCopyTheCommandLineClustersWhenTheFilesListNone() {
    var env = environment(Map.of("ohkay.postgres.clusters[0].name", "main"));
    env.getPropertySources().addLast(new MapPropertySource("file", Map.of(SHARED, "")));

    new SharedClusters().postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getProperty("ohkay.edge.clusters[0].name")).isEqualTo("main");
    assertThat(env.getProperty("ohkay.edge.clusters[1].name")).isNull();
  }

  @Test
  void shouldFailNamingThePropertyWhenAnIndexIsSkipped() {
    var env =
        environment(
            Map.of(
                "ohkay.postgres.clusters[0].name", "main",
                "ohkay.postgres.clusters[2].name", "third"));

    assertThatThrownBy(
            () -> new SharedClusters().postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(BindException.class)
        .hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
        .rootCause()
        .hasMessageContaining("ohkay.postgres.clusters[2].name");
  }

  @Test
  void shouldFailNamingThePropertyWhenAFieldIsMisspelt() {
    var env =
        environment(
            Map.of(
                "ohkay.postgres.clusters[0].name", "main",
                "ohkay.postgres.clusters[0].hots", "db1"));

    assertThatThrownBy(
            () -> new SharedClusters().postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(BindException.class)
        .hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
        .rootCause()
        .hasMessageContaining("ohkay.postgres.clusters[0].hots");
  }

  @Test
  void shouldFailNamingThePropertyWhenAClusterHasNoName() {
    var env =
        environment(
            Map.of(
                "ohkay.postgres.clusters[0].name", "main",
                "ohkay.postgres.clusters[1].host", "db2"));

    assertThatThrownBy(
            () -> new SharedClusters().postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ohkay.postgres.clusters[1].name");
  }

  @Test
  void shouldFailNamingThePropertyWhenAPortIsNotANumber() {
    var env =
        environment(
            Map.of(
                "ohkay.postgres.clusters[0].name", "main",
                "ohkay.postgres.clusters[0].port", "five"));

    assertThatThrownBy(
            () -> new SharedClusters().postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("ohkay.postgres.clusters[0].port");
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    var env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return env;
  }
}
