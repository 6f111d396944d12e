package io.ohkay.command.user;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashing at OWASP's minimum parameters (19 MiB memory, 2 iterations, 1 lane),
 * 16-byte salt and 32-byte hash, as PHC strings. Runs on the command side only.
 */
public final class PasswordHasher {

  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  static final int PARALLELISM = 1;
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;

  private final Argon2PasswordEncoder encoder =
      new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);

  /** The PHC string of a new salted hash. CPU-heavy: call off the event loop. */
  public String hash(String password) {
    return encoder.encode(password);
  }

  public boolean matches(String password, String hash) {
    return encoder.matches(password, hash);
  }
}
