package io.ohkay.platform.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code server.properties} of the embedded broker: one KRaft node that is broker and
 * controller, settings for a single replica, modest memory for the log cleaner.
 *
 * @param port the {@code PLAINTEXT} port clients use, on 127.0.0.1
 * @param controllerPort the {@code CONTROLLER} port, on 127.0.0.1
 * @param logDir where the broker keeps its partitions and the metadata log
 */
record KafkaServerConfig(int port, int controllerPort, Path logDir) {

  static final String HOST = "127.0.0.1";

  Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    // Static voters: the controller port may differ from one start to the next.
    p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.putAll(singleBroker());
    return p;
  }

  private static Map<String, String> singleBroker() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "10");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "6");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    return p;
  }

  /** The file content, one {@code key=value} per line; backslashes escaped as properties need. */
  String fileContent() {
    return properties().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
        .collect(
            Collectors.joining("\n", "# Written by ohkay-platform-infra at every start.\n", "\n"));
  }
}
