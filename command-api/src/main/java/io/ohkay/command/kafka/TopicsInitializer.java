package io.ohkay.command.kafka;

import io.ohkay.schemas.topic.Topic;
import io.ohkay.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalogue's topics (and their dead-letter topics) when they are missing. */
public final class TopicsInitializer {

  private TopicsInitializer() {}

  /** Idempotent: existing topics are left as they are. */
  public static void ensureTopics(Admin admin, String prefix, short replicationFactor)
      throws InterruptedException {
    var wanted = new ArrayList<NewTopic>();
    for (Topic<?> topic : Topics.all()) {
      wanted.add(
          newTopic(topic.in(prefix), topic.partitions(), topic.retentionMs(), replicationFactor));
      wanted.add(newTopic(topic.deadLetterIn(prefix), 1, -1, replicationFactor));
    }
    create(admin, wanted);
  }

  private static NewTopic newTopic(String name, int partitions, long retentionMs, short rf) {
    return new NewTopic(name, partitions, rf)
        .configs(Map.of("retention.ms", Long.toString(retentionMs)));
  }

  private static void create(Admin admin, List<NewTopic> topics) throws InterruptedException {
    var result = admin.createTopics(topics);
    for (var future : result.values().values()) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topics", e.getCause());
        }
      }
    }
  }
}
