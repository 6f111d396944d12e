package io.ohkay.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandApiPropertiesTest {

  @Test
  void shouldRefuseToStartWhenAccessTokensWouldOutliveTheRevocationHorizon() {
    assertThatThrownBy(() -> properties(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ohkay.command-api.access-token-ttl");
    assertThatThrownBy(() -> properties(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(properties(Duration.ofHours(1)).accessTokenTtl()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldPlaceOnMainWhenNoClusterIsConfigured() {
    assertThat(properties(Duration.ofMinutes(15), List.of()).clusterNames())
        .containsExactly("main");
    assertThat(properties(Duration.ofMinutes(15), clusters("b", "a")).clusterNames())
        .containsExactly("b", "a");
  }

  @Test
  void shouldRefuseToStartWhenClusterNamesRepeatOrAreBlank() {
    assertThatThrownBy(() -> properties(Duration.ofMinutes(15), clusters("a", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ohkay.command-api.clusters");
    assertThatThrownBy(() -> properties(Duration.ofMinutes(15), clusters("a", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ohkay.command-api.clusters");
  }

  @Test
  void shouldRefuseToStartWhenStreamTicketsWouldLiveLongerThanVerifiersAccept() {
    assertThatThrownBy(() -> ticketTtl(Duration.ofMinutes(6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ohkay.command-api.stream-ticket-ttl");
    assertThatThrownBy(() -> ticketTtl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ohkay.command-api.stream-ticket-ttl");
    assertThat(ticketTtl(Duration.ofMinutes(5)).streamTicketTtl()).isEqualTo(Duration.ofMinutes(5));
  }

  private static CommandApiProperties ticketTtl(Duration ticketTtl) {
    return properties(Duration.ofMinutes(15), List.of(), Duration.ofSeconds(15), ticketTtl);
  }

  private static List<CommandApiProperties.Cluster> clusters(String... names) {
    return java.util.Arrays.stream(names).map(CommandApiProperties.Cluster::new).toList();
  }

  private static CommandApiProperties properties(Duration ttl) {
    return properties(ttl, List.of());
  }

  @Test
  void shouldRefuseToStartWhenThePresenceTtlIsNotPositive() {
    assertThatThrownBy(() -> properties(Duration.ofMinutes(15), List.of(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ohkay.command-api.presence-ttl");
    assertThat(properties(Duration.ofMinutes(15), List.of(), Duration.ofSeconds(3)).presenceTtl())
        .isEqualTo(Duration.ofSeconds(3));
  }

  private static CommandApiProperties properties(
      Duration ttl, List<CommandApiProperties.Cluster> clusters) {
    return properties(ttl, clusters, Duration.ofSeconds(15));
  }

  private static CommandApiProperties properties(
      Duration ttl, List<CommandApiProperties.Cluster> clusters, Duration presenceTtl) {
    return properties(ttl, clusters, presenceTtl, Duration.ofSeconds(60));
  }

  private static CommandApiProperties properties(
      Duration ttl,
      List<CommandApiProperties.Cluster> clusters,
      Duration presenceTtl,
      Duration ticketTtl) {
    return new CommandApiProperties(
        "localhost:9092",
        "",
        "ohkay-decider",
        (short) 1,
        Path.of("state"),
        Duration.ofMillis(10),
        Duration.ofSeconds(5),
        Path.of("access.jwk"),
        ttl,
        ticketTtl,
        Path.of("refresh.key"),
        new CommandApiProperties.Postgres("localhost", 5432, "postgres", "", "ohkay_"),
        new CommandApiProperties.RateLimits(null, null, null),
        clusters,
        presenceTtl);
  }
}
