package io.ohkay.command.decider;

import io.ohkay.schemas.command.CommandPayload;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the decider topology: one sub-topology per commands topic, commands in, events, follow-up
 * commands and outcomes out.
 */
public final class DeciderTopology {

  private DeciderTopology() {}

  /** A decider and the name of its stores and processors. */
  public record NamedDecider(String name, Decider<?, ?> decider) {}

  /**
   * Adds {@code decider} to {@code builder}: it consumes {@code topics.commands()} and writes its
   * events and outcomes; its stores are named after {@code name}.
   */
  public static void add(
      StreamsBuilder builder, String name, Decider<?, ?> decider, DeciderTopics topics) {
    add(builder, topics, List.of(new NamedDecider(name, decider)));
  }

  /**
   * Adds deciders that share one commands topic, each deciding its own command types with its own
   * stores; the first dead-letters what none decides.
   */
  public static void add(
      StreamsBuilder builder, DeciderTopics topics, List<NamedDecider> deciders) {
    var source =
        builder.stream(
            topics.commands(),
            Consumed.with(Serdes.String(), Serdes.ByteArray())
                .withName(deciders.getFirst().name() + "-commands"));
    for (var named : deciders) {
      var stores = DeciderStores.named(named.name());
      addStores(builder, stores);
      var primary = named == deciders.getFirst();
      source
          .process(
              processor(named.decider(), topics, stores, primary, deciders),
              Named.as(named.name() + "-decider"),
              stores.states(),
              stores.processed())
          .to(
              (key, routed, context) -> routed.topic(),
              Produced.with(Serdes.String(), Routed.SERDE).withName(named.name() + "-out"));
    }
  }

  private static <C extends CommandPayload, S>
      ProcessorSupplier<String, byte[], String, Routed> processor(
          Decider<C, S> decider,
          DeciderTopics topics,
          DeciderStores stores,
          boolean primary,
          List<NamedDecider> all) {
    return () ->
        new DeciderProcessor<>(
            decider,
            topics,
            stores,
            primary,
            payload -> all.stream().anyMatch(d -> d.decider().commandType().isInstance(payload)));
  }

  private static void addStores(StreamsBuilder builder, DeciderStores stores) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(stores.states()), Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(stores.processed()),
            Serdes.String(),
            Serdes.ByteArray()));
  }
}
