package io.ohkay.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbandonedDirectoriesTest {

  @TempDir Path parent;

  @Test
  void shouldDeleteDirectoryWhenItsOwnerIsDead() throws Exception {
    Process owner = new ProcessBuilder("true").start();
    owner.waitFor();
    Path abandoned = Files.createDirectories(parent.resolve("ohkay-infra-1/kafka/data"));
    Files.writeString(
        parent.resolve("ohkay-infra-1").resolve(AbandonedDirectories.OWNER_FILE),
        Long.toString(owner.pid()));

    AbandonedDirectories.deleteAbandoned(parent, "ohkay-infra-");

    assertThat(abandoned).doesNotExist();
    assertThat(parent.resolve("ohkay-infra-1")).doesNotExist();
  }

  @Test
  void shouldKeepDirectoryWhenOwnerIsAliveOrUnknown() throws Exception {
    Path owned = Files.createDirectories(parent.resolve("ohkay-infra-2"));
    AbandonedDirectories.claim(owned);
    Path unclaimed = Files.createDirectories(parent.resolve("ohkay-infra-3"));
    Path other = Files.createDirectories(parent.resolve("something-else"));
    Files.writeString(other.resolve(AbandonedDirectories.OWNER_FILE), "1999999999");

    AbandonedDirectories.deleteAbandoned(parent, "ohkay-infra-");

    assertThat(owned).isDirectory();
    assertThat(unclaimed).isDirectory();
    assertThat(other).isDirectory();
  }
}
