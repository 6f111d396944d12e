package io.ohkay.schemas.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The signing key pair of access tokens, kept as a JWK file. The embedded platform generates it on
 * first start; production points every service at a provisioned file (the edge needs only the
 * public part).
 */
public final class AccessTokenKeys {

  private AccessTokenKeys() {}

  /** Reads the JWK at {@code file}, generating a new P-256 pair there first if it is absent. */
  public static ECKey loadOrGenerate(Path file) {
    if (!Files.exists(file)) {
      generate(file);
    }
    return load(file);
  }

  /** Reads a JWK file (private or public). */
  public static ECKey load(Path file) {
    try {
      return ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read access-token key " + file, e);
    } catch (ParseException e) {
      throw new IllegalStateException("not an EC JWK: " + file, e);
    }
  }

  private static void generate(Path file) {
    try {
      var key =
          new ECKeyGenerator(Curve.P_256)
              .keyID(UUID.randomUUID().toString())
              .algorithm(AccessTokens.ALGORITHM)
              .generate();
      Files.createDirectories(file.toAbsolutePath().getParent());
      var tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
      trySetOwnerOnly(tmp);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate access-token key", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write access-token key " + file, e);
    }
  }

  private static void trySetOwnerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Non-POSIX file system: the directory's own permissions protect the key.
    }
  }
}
