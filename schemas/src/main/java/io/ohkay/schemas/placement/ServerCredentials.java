package io.ohkay.schemas.placement;

import io.ohkay.schemas.id.ServerId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The credentials of server databases. Each server database has its own login role whose password
 * is derived from the master key and the server id (so a registry rebuilt from the events names the
 * same password), and the registry keeps that password only <em>sealed</em>: AES-256-GCM envelope
 * encryption, a fresh random data key per seal encrypting the password, the data key wrapped by a
 * key-encryption key derived from the master key, both with random 96-bit nonces and the registry
 * row ({@link #boundTo}) as associated data, so a sealed value copied to another row does not open.
 *
 * <p>Sealed form: {@code v1.<wrapped data key>.<encrypted password>}, each part base64url of nonce
 * followed by ciphertext and tag. The master key is 32 random bytes, base64 in a key file.
 */
public final class ServerCredentials {

  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Object GENERATION = new Object();

  private final SecretKeySpec keyEncryptionKey;
  private final byte[] passwordKey;
  private final SecureRandom random = new SecureRandom();

  private ServerCredentials(byte[] masterKey) {
    if (masterKey.length != KEY_BYTES) {
      throw new IllegalArgumentException("the placement master key must be 32 bytes");
    }
    this.keyEncryptionKey = new SecretKeySpec(derive(masterKey, "ohkay/placement/kek"), "AES");
    this.passwordKey = derive(masterKey, "ohkay/placement/server-password");
  }

  /** Credentials under {@code masterKey} (32 bytes). */
  public static ServerCredentials of(byte[] masterKey) {
    return new ServerCredentials(masterKey.clone());
  }

  /**
   * Credentials under the master key in {@code file}, generating it there first if it is absent.
   * Several services of one installation share the file; the first to start creates it, atomically.
   */
  public static ServerCredentials loadOrGenerate(Path file) {
    synchronized (GENERATION) {
      if (!Files.exists(file)) {
        generate(file);
      }
    }
    try {
      var key = DECODER.decode(Files.readString(file, StandardCharsets.UTF_8).strip());
      return new ServerCredentials(key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the placement key " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("not a base64url 32-byte key: " + file, e);
    }
  }

  /** The login role of a server database: named like the database itself. */
  public static String roleName(String databaseName) {
    return databaseName;
  }

  /** The associated data binding a sealed password to its registry row. */
  public static String boundTo(ServerId server, String cluster, String database, String role) {
    return "ohkay-server-credentials|" + server + "|" + cluster + "|" + database + "|" + role;
  }

  /** The password of a server's database role: the same for the same server and master key. */
  public String passwordOf(ServerId server) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(passwordKey, "HmacSHA256"));
      return ENCODER.encodeToString(mac.doFinal(utf8(server.toString())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Seals {@code password} for the row {@code boundTo}; two seals of one password differ. */
  public String seal(String password, String boundTo) {
    var dataKey = new byte[KEY_BYTES];
    random.nextBytes(dataKey);
    try {
      var wrapped = encrypt(keyEncryptionKey, dataKey, boundTo);
      var sealed = encrypt(new SecretKeySpec(dataKey, "AES"), utf8(password), boundTo);
      return VERSION + "." + ENCODER.encodeToString(wrapped) + "." + ENCODER.encodeToString(sealed);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * Opens what {@link #seal} made for the same row.
   *
   * @throws IllegalArgumentException if it is malformed, tampered with, sealed for another row or
   *     under another master key
   */
  public String open(String sealed, String boundTo) {
    var parts = sealed.split("\\.", -1);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new IllegalArgumentException("not a sealed credential");
    }
    byte[] dataKey = null;
    try {
      dataKey = decrypt(keyEncryptionKey, DECODER.decode(parts[1]), boundTo);
      var password = decrypt(new SecretKeySpec(dataKey, "AES"), DECODER.decode(parts[2]), boundTo);
      return new String(password, StandardCharsets.UTF_8);
    } finally {
      if (dataKey != null) {
        Arrays.fill(dataKey, (byte) 0);
      }
    }
  }

  private byte[] encrypt(SecretKeySpec key, byte[] plaintext, String boundTo) {
    var nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(utf8(boundTo));
      var ciphertext = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length)
          .put(nonce)
          .put(ciphertext)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  private static byte[] decrypt(SecretKeySpec key, byte[] nonceAndCiphertext, String boundTo) {
    if (nonceAndCiphertext.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("not a sealed credential");
    }
    try {
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
      cipher.updateAAD(utf8(boundTo));
      return cipher.doFinal(
          nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException("the sealed credential does not open for this row", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  private static byte[] derive(byte[] masterKey, String purpose) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
      return mac.doFinal(utf8(purpose));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static void generate(Path file) {
    var key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      var tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".placement", ".tmp");
      try {
        Files.writeString(tmp, ENCODER.encodeToString(key), StandardCharsets.UTF_8);
        trySetOwnerOnly(tmp);
        // A link fails if another process created the file meanwhile: then that key is used.
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException raced) {
        // Someone else's key won; read it.
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the placement key " + file, e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void trySetOwnerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Non-POSIX file system: the directory's own permissions protect the key.
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
