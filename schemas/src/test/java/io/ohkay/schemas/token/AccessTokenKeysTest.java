package io.ohkay.schemas.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.Curve;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokenKeysTest {

  @TempDir Path dir;

  @Test
  void shouldCreateTheKeyFileOnceWhenCalledTwice() throws IOException {
    var file = dir.resolve("keys/access-token.jwk");

    var first = AccessTokenKeys.loadOrGenerate(file);
    var written = Files.readString(file);
    var second = AccessTokenKeys.loadOrGenerate(file);

    assertThat(second.toJSONString()).isEqualTo(first.toJSONString());
    assertThat(Files.readString(file)).isEqualTo(written);
    assertThat(first.isPrivate()).isTrue();
    assertThat(first.getCurve()).isEqualTo(Curve.P_256);
    assertThat(first.getAlgorithm()).isEqualTo(AccessTokens.ALGORITHM);
    assertThat(dir.resolve("keys")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void shouldWriteTheKeyFileForItsOwnerOnlyWhenGenerated() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    var file = dir.resolve("access-token.jwk");

    AccessTokenKeys.loadOrGenerate(file);

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void shouldGenerateDistinctKeysWhenFilesDiffer() {
    var one = AccessTokenKeys.loadOrGenerate(dir.resolve("one.jwk"));
    var two = AccessTokenKeys.loadOrGenerate(dir.resolve("two.jwk"));

    assertThat(one.toPublicJWK().toJSONString()).isNotEqualTo(two.toPublicJWK().toJSONString());
  }

  @Test
  void shouldLoadThePublicPartAloneWhenTheFileHoldsOnlyIt() throws IOException {
    var pair = AccessTokenKeys.loadOrGenerate(dir.resolve("pair.jwk"));
    var publicFile =
        Files.writeString(dir.resolve("public.jwk"), pair.toPublicJWK().toJSONString());

    var loaded = AccessTokenKeys.load(publicFile);

    assertThat(loaded.isPrivate()).isFalse();
    assertThat(loaded.toJSONString()).isEqualTo(pair.toPublicJWK().toJSONString());
  }

  @Test
  void shouldFailWhenTheFileIsMissingOrNotAnEcJwk() throws IOException {
    var garbage = Files.writeString(dir.resolve("garbage.jwk"), "{\"kty\":\"nope\"}");

    assertThatThrownBy(() -> AccessTokenKeys.load(dir.resolve("absent.jwk")))
        .isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> AccessTokenKeys.load(garbage))
        .isInstanceOf(IllegalStateException.class);
  }
}
