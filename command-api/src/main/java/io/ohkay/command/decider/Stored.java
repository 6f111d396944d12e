package io.ohkay.command.decider;

/** An aggregate's state in its store, with the seq of the last event it has seen. */
record Stored<S>(long seq, S state) {}
