package io.ohkay.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

  @TempDir Path dir;

  @Test
  void shouldServeClientsWhenLaunchedFromSpringBootExecutableJar() throws Exception {
    ChildClasspath bootJar =
        ChildClasspath.of(BootJarLayout.write(dir.resolve("app.jar")).toString());
    assertThat(bootJar.bootJar()).isTrue();

    try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0, bootJar)) {
      kafka.start();
      String topic = SharedInfrastructure.uniqueName("boot") + "events";
      KafkaTestClients.createTopic(kafka.bootstrapServers(), topic);
      KafkaTestClients.sendInTransaction(kafka.bootstrapServers(), topic, "k", "from a boot jar");

      assertThat(KafkaTestClients.readCommitted(kafka.bootstrapServers(), topic, 1))
          .containsExactly("k=from a boot jar");
      assertThat(Files.readString(dir.resolve("kafka/logs/server.log")))
          .contains("Kafka Server started");
    }
  }

  @Test
  void shouldReportBrokerLogWhenPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        EmbeddedKafka kafka = EmbeddedKafka.create(dir, taken.getLocalPort())) {

      assertThatThrownBy(kafka::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("did not start")
          .hasMessageContaining("Address already in use");
      assertThat(kafka.isRunning()).isFalse();
    }
  }
}
