package io.ohkay.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectorCliTest {

  @Test
  void shouldExitWithUsageTroubleWhenRequiredOptionsAreMissing() {
    assertThat(ProjectorCli.run("rebuild", "--target", "x")).isEqualTo(ProjectorCli.TROUBLE);
  }

  @Test
  void shouldExitWithTroubleWhenServerKindLacksAServer() {
    assertThat(ProjectorCli.run("rebuild", "--kind", "server", "--target", "x"))
        .isEqualTo(ProjectorCli.TROUBLE);
  }

  @Test
  void shouldExitWithTroubleWhenKindIsUnknown() {
    assertThat(ProjectorCli.run("rebuild", "--kind", "chats", "--target", "x"))
        .isEqualTo(ProjectorCli.TROUBLE);
  }

  @Test
  void shouldPrintHelpWhenAsked() {
    assertThat(ProjectorCli.run("rebuild", "--help")).isZero();
  }
}
