package io.ohkay.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerConfigTest {

  private final KafkaServerConfig config =
      new KafkaServerConfig(9092, 9093, Path.of("/data/kafka/data"));

  @Test
  void shouldDescribeOneCombinedKraftNodeWhenWritten() throws IOException {
    Properties properties = parse();

    assertThat(properties)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
        .containsEntry("log.dirs", "/data/kafka/data");
  }

  @Test
  void shouldFitOneBrokerWhenWritten() throws IOException {
    assertThat(parse())
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("num.partitions", "6");
  }

  private Properties parse() throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(config.fileContent()));
    return properties;
  }
}
