package io.ohkay.command.decider;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A value on its way out of the decider, with the topic it belongs to. */
record Routed(String topic, byte[] value) {

  /** Writes the value only; the topic is chosen by the sink's topic-name extractor. */
  static final Serde<Routed> SERDE =
      Serdes.serdeFrom(
          (topic, routed) -> routed == null ? null : routed.value(),
          (topic, bytes) -> {
            throw new UnsupportedOperationException("Routed values are never read back");
          });
}
