package io.ohkay.command.decider;

import io.ohkay.schemas.command.CommandPayload;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/** Builds the decider topology: one sub-topology per decider, commands in, events+outcomes out. */
public final class DeciderTopology {

  private DeciderTopology() {}

  /**
   * Adds {@code decider} to {@code builder}: it consumes {@code topics.commands()} and writes its
   * events and outcomes; its stores are named after {@code name}.
   */
  public static <C extends CommandPayload, S> void add(
      StreamsBuilder builder, String name, Decider<C, S> decider, DeciderTopics topics) {
    var stores = DeciderStores.named(name);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(stores.states()), Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(stores.processed()),
            Serdes.String(),
            Serdes.ByteArray()));
    ProcessorSupplier<String, byte[], String, Routed> processor =
        () -> new DeciderProcessor<>(decider, topics, stores);
    builder.stream(
            topics.commands(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-commands"))
        .process(processor, Named.as(name + "-decider"), stores.states(), stores.processed())
        .to(
            (key, routed, context) -> routed.topic(),
            Produced.with(Serdes.String(), Routed.SERDE).withName(name + "-out"));
  }
}
