package io.ohkay.command.token;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refresh tokens: {@code ort1.} + base64url(user id, session id, generation, HMAC-SHA256 of them
 * under the command API's secret key). Only the command API can mint or check one, so no token or
 * token hash is ever stored or published: the account decider only tracks each session's current
 * generation, and an authentic token of a spent generation is proof of reuse (RFC 9700).
 */
public final class RefreshTokens {

  private static final String PREFIX = "ort1.";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int KEY_BYTES = 32;
  private static final int BODY_BYTES = 16 + 16 + Integer.BYTES;
  private static final int MAC_BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public RefreshTokens(byte[] key) {
    if (key.length < KEY_BYTES) {
      throw new IllegalArgumentException("a refresh-token key has at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** What an authentic refresh token names. */
  public record Claims(UserId userId, SessionId sessionId, int generation) {}

  /** The refresh token of {@code generation} of a session. */
  public String issue(UserId user, SessionId session, int generation) {
    var body = ByteBuffer.allocate(BODY_BYTES);
    putUuid(body, user.value());
    putUuid(body, session.value());
    body.putInt(generation);
    var token = ByteBuffer.allocate(BODY_BYTES + MAC_BYTES);
    token.put(body.array()).put(mac(body.array()));
    return PREFIX + ENCODER.encodeToString(token.array());
  }

  /** The claims of an authentic token; empty for anything malformed or forged. */
  public Optional<Claims> verify(String token) {
    if (!token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(token.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != BODY_BYTES + MAC_BYTES) {
      return Optional.empty();
    }
    var buffer = ByteBuffer.wrap(bytes);
    var body = new byte[BODY_BYTES];
    var mac = new byte[MAC_BYTES];
    buffer.get(body).get(mac);
    if (!MessageDigest.isEqual(mac, mac(body))) {
      return Optional.empty();
    }
    var fields = ByteBuffer.wrap(body);
    return Optional.of(
        new Claims(new UserId(getUuid(fields)), new SessionId(getUuid(fields)), fields.getInt()));
  }

  /** Reads the key file (base64), generating a random key there first if it is absent. */
  public static RefreshTokens loadOrGenerate(Path file) {
    try {
      if (!Files.exists(file)) {
        generate(file);
      }
      return new RefreshTokens(Base64.getDecoder().decode(Files.readString(file).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read refresh-token key " + file, e);
    }
  }

  private static void generate(Path file) throws IOException {
    var key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    Files.createDirectories(file.toAbsolutePath().getParent());
    var tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Non-POSIX file system: the directory's own permissions protect the key.
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private byte[] mac(byte[] body) {
    try {
      var mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static void putUuid(ByteBuffer buffer, UUID uuid) {
    buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
  }

  private static UUID getUuid(ByteBuffer buffer) {
    return new UUID(buffer.getLong(), buffer.getLong());
  }
}
