/** The write side: HTTP commands, their decisions in Kafka Streams, and the wiring of both. */
@NullMarked
package io.ohkay.command;

import org.jspecify.annotations.NullMarked;
