package io.ohkay.command.decider;

/**
 * The state stores of one decider.
 *
 * @param states aggregate key → {@link Stored} state, and {@code key#part} → a part of it
 * @param processed command id → first outcome, for idempotent retries
 */
record DeciderStores(String states, String processed) {

  static DeciderStores named(String decider) {
    return new DeciderStores(decider + "-state", decider + "-processed-commands");
  }
}
