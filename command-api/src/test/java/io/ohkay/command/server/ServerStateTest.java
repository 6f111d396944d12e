package io.ohkay.command.server;

import static io.ohkay.command.server.ServerFixture.GENERAL;
import static io.ohkay.command.server.ServerFixture.HIDDEN;
import static io.ohkay.command.server.ServerFixture.MOD;
import static io.ohkay.command.server.ServerFixture.OWNER;
import static io.ohkay.command.server.ServerFixture.SECRET;
import static io.ohkay.command.server.ServerFixture.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.RenameChannel;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ServerUpdated;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The state as the decider's store keeps it: JSON, without its message part. */
class ServerStateTest {

  private final ServerDecider decider = new ServerDecider();

  @Test
  void shouldReadBackTheSameStateWhenItIsStoredAsJson() {
    var state =
        DeciderSpec.of(decider)
            .given(ServerFixture.matrix())
            .given(new ServerUpdated(SERVER, "S", "About"))
            .state();

    var read = Json.read(Json.write(state), ServerState.class);

    assertThat(read).isEqualTo(state);
    assertThat(read.permissions(MOD).has(Permission.KICK_MEMBERS)).isTrue();
    assertThat(read.canView(HIDDEN, SECRET)).isFalse();
  }

  @Test
  void shouldKeepTheMessageOutOfTheStateAndInItsPartWhenStored() {
    var message = new MessageId(UUID.randomUUID());
    var state =
        DeciderSpec.of(decider)
            .given(ServerFixture.matrix())
            .given(new MessagePosted(SERVER, GENERAL, message, OWNER, "hi"))
            .state();

    var part = decider.partOf(state);
    var stored = Json.write(decider.withoutPart(state));

    assertThat(decider.partKey(new PostMessage(SERVER, GENERAL, message, "x")))
        .isEqualTo("message:" + message);
    assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(message.toString());
    assertThat(part).isNotNull();
    var loaded = decider.withPart(Json.read(stored, ServerState.class), part);
    assertThat(loaded.message()).isEqualTo(new ServerState.Message(message, GENERAL, OWNER, false));
    assertThat(decider.withPart(loaded, null).message()).isNull();
  }

  @Test
  void shouldGiveAStateStoredBeforeRolesTheOldPermissionsWhenItIsRead() {
    var member = new UserId(UUID.randomUUID());
    var legacy =
        """
        {"exists":true,"ownerId":"%s","members":["%s","%s"],"channels":["%s"],
         "bans":[],"invites":{}}
        """
            .formatted(OWNER, OWNER, member, GENERAL);

    var state = Json.read(legacy.getBytes(StandardCharsets.UTF_8), ServerState.class);

    assertThat(state.deleted()).isFalse();
    assertThat(state.in(SERVER).permissions(OWNER)).isEqualTo(PermissionSet.ALL);
    assertThat(state.in(SERVER).permissions(member)).isEqualTo(PermissionSet.EVERYONE_DEFAULT);
    var post = new PostMessage(SERVER, GENERAL, new MessageId(UUID.randomUUID()), "still here");
    assertThat(decider.decide(post, member, DeciderSpec.NOW, state))
        .isInstanceOf(Decision.Accept.class);
    var rename = new RenameChannel(SERVER, GENERAL, "renamed");
    DeciderSpec.Then refused =
        new DeciderSpec.Then(decider.decide(rename, member, DeciderSpec.NOW, state));
    refused.thenRejected(ErrorCode.MISSING_PERMISSION);
  }
}
