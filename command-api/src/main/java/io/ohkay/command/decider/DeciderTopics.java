package io.ohkay.command.decider;

/**
 * Where one decider reads and writes.
 *
 * @param commands the commands topic it consumes
 * @param events the events topic its facts go to
 * @param outcomes the outcomes topic
 * @param deadLetters where undecodable or foreign commands go, with origin headers
 */
public record DeciderTopics(String commands, String events, String outcomes, String deadLetters) {}
