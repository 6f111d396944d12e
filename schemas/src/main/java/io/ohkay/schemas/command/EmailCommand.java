package io.ohkay.schemas.command;

/**
 * Commands about one e-mail address, keyed by it (normalized): one partition owns each address, so
 * e-mail uniqueness is decided, not raced for.
 */
public sealed interface EmailCommand extends UserCommand permits RegisterUser, ReleaseEmail {

  /** The normalized address; the record key. */
  String email();
}
