package io.ohkay.bench.target;

import java.net.URI;
import java.util.UUID;

/**
 * A running backend whose channel history is measured: one user (the bearer token) allowed to read
 * one channel's messages with {@code GET <historyPath>?before=<messageId>&limit=<n>}, answered
 * {@code {"messages": [...]}} newest first, each message with its {@code seq}; the channel's rows
 * live in the {@code messages} table of {@link #serverDatabase()}. Opening a target starts it;
 * closing it stops everything it started.
 */
public interface HistoryTarget extends AutoCloseable {

  /** Short name used in reports ({@code system}). */
  String name();

  /** Scheme, host and port of the HTTP API, e.g. {@code http://127.0.0.1:8080}. */
  URI baseUrl();

  /** Access token sent as {@code Authorization: Bearer <token>} on every request. */
  String bearerToken();

  /** Path of the channel's history, e.g. {@code /api/servers/{sid}/channels/{cid}/messages}. */
  String historyPath();

  /** The channel read. */
  UUID channelId();

  /** The database holding the channel's messages, once the backend has created it. */
  String serverDatabase();

  @Override
  void close();
}
