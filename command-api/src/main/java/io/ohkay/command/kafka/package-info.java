/**
 * Kafka adapters of the write side: appending commands, awaiting outcomes, following revocations,
 * creating topics.
 */
@NullMarked
package io.ohkay.command.kafka;

import org.jspecify.annotations.NullMarked;
