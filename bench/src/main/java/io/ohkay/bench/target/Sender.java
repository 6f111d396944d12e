package io.ohkay.bench.target;

/**
 * Who posts a message, and where: {@code POST path} with {@code Authorization: Bearer bearerToken}.
 */
public record Sender(String path, String bearerToken) {}
