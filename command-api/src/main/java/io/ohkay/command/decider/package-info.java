/** The decider shell: the Kafka Streams topology that turns commands into events and outcomes. */
@NullMarked
package io.ohkay.command.decider;

import org.jspecify.annotations.NullMarked;
