/** Kafka adapters of the write side: appending commands, awaiting outcomes, creating topics. */
@NullMarked
package io.ohkay.command.kafka;

import org.jspecify.annotations.NullMarked;
