package io.ohkay.bench.target;

import java.net.URI;

/**
 * A running backend whose account routes are measured: {@code POST /api/auth/signup} {@code {email,
 * password, displayName}} answering 201, and {@code POST /api/auth/signin} {@code {email,
 * password}} answering 200, with rate limits high enough for a load that all comes from one
 * address. Opening a target starts it; closing it stops everything it started.
 */
public interface AccountsTarget extends AutoCloseable {

  /** Short name used in reports ({@code system}). */
  String name();

  /** Scheme, host and port of the HTTP API, e.g. {@code http://127.0.0.1:8080}. */
  URI baseUrl();

  @Override
  void close();
}
