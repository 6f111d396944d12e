package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.Ids;

/** The rows {@link ServerLife#create()} ends with, in each database it writes. */
public final class ServerLifeRows {

  private ServerLifeRows() {}

  /**
   * "lobby" is the only channel; the everyone role and "moderators" remain, the owner holding it;
   * the only overwrite is the mods' in lobby; lobby holds the system messages of Ann's and Ben's
   * joins and Ben's account deletion, Ben's mention and Ann's deleted, edited message; Ann and the
   * owner have read lobby; the audit log holds every moderation event but moves and Ann's deletion
   * of her own message.
   */
  public static void assertServerDatabase(
      ProjectorTestEnvironment environment, String database, ServerLife life) throws Exception {
    var general = life.history().channel();
    assertThat(
            query(environment, database, "id || ' ' || name || ' ' || position", "channels", "1"))
        .isEqualTo(general + " lobby 0");
    assertThat(
            query(
                environment,
                database,
                "name || ' ' || array_to_string(permissions, '+')",
                "roles",
                "name"))
        .isEqualTo("@everyone VIEW_CHANNEL,moderators MANAGE_MESSAGES");
    assertThat(query(environment, database, "user_id || ' ' || role_id", "member_roles", "1"))
        .isEqualTo(life.owner() + " " + life.mods());
    assertThat(
            query(
                environment,
                database,
                "channel_id || ' ' || target_type || ' ' || target_id || ' '"
                    + " || array_to_string(allow, '+') || '/' || array_to_string(deny, '+')",
                "channel_overwrites",
                "1"))
        .isEqualTo(
            general + " ROLE " + life.mods() + " MANAGE_MESSAGES+SEND_MESSAGES/CREATE_INVITES");
    assertThat(
            query(
                environment,
                database,
                "seq || ' ' || kind || ' ' || coalesce(system_type, '-') || ' ' || author_id"
                    + " || ' ' || coalesce(content, 'null') || ' ' || (edited_at IS NOT NULL)"
                    + " || ' ' || (deleted_at IS NOT NULL)",
                "messages WHERE channel_id = '" + general + "'",
                "seq"))
        .isEqualTo(
            String.join(
                ",",
                "5 SYSTEM JOINED " + life.ann() + " null false false",
                "6 SYSTEM JOINED " + life.ben() + " null false false",
                "20 USER - " + life.ben() + " hi <@" + life.ann() + "> false false",
                "22 USER - " + life.ann() + " null true true",
                "46 SYSTEM LEFT " + life.ben() + " null false false"));
    assertThat(environment.queryLong(database, "SELECT count(*) FROM messages")).isEqualTo(5);
    assertThat(environment.queryString(database, "SELECT id::text FROM messages WHERE seq = 46"))
        .isEqualTo(life.at(46).eventId().toString());
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(seq::text, ',') FROM messages"
                    + " WHERE search @@ to_tsquery('simple', 'hi')"))
        .isEqualTo("20");
    assertThat(
            query(
                environment,
                database,
                "user_id || ' ' || channel_id || ' ' || last_read_seq",
                "read_states",
                "last_read_seq"))
        .isEqualTo(life.ann() + " " + general + " 28," + life.owner() + " " + general + " 30");
    assertAuditLog(environment, database, life);
  }

  private static void assertAuditLog(
      ProjectorTestEnvironment environment, String database, ServerLife life) throws Exception {
    assertThat(query(environment, database, "seq || ' ' || action", "audit_log", "seq"))
        .isEqualTo(
            "3 CHANNEL_CREATE,4 ROLE_CREATE,7 ROLE_CREATE,8 ROLE_CREATE,9 MEMBER_ROLE_ADD,"
                + "10 MEMBER_ROLE_ADD,11 MEMBER_ROLE_ADD,12 MEMBER_ROLE_ADD,"
                + "13 MEMBER_ROLE_REMOVE,14 CHANNEL_CREATE,15 CHANNEL_OVERWRITE_SET,"
                + "16 CHANNEL_OVERWRITE_SET,17 CHANNEL_OVERWRITE_SET,18 CHANNEL_OVERWRITE_SET,"
                + "19 CHANNEL_OVERWRITE_SET,26 MESSAGE_DELETE,33 MEMBER_KICK,36 CHANNEL_UPDATE,"
                + "37 ROLE_UPDATE,38 SERVER_UPDATE,39 INVITE_CREATE,40 MEMBER_BAN,"
                + "42 MEMBER_UNBAN,43 ROLE_DELETE,44 CHANNEL_DELETE,47 CHANNEL_OVERWRITE_SET,"
                + "48 CHANNEL_OVERWRITE_REMOVE");
    var entry =
        "id || ' ' || coalesce(actor_id::text, '-') || ' ' || coalesce(target_id::text, '-')"
            + " || ' ' || coalesce(reason, '-') || ' ' || details::text || ' '"
            + " || extract(epoch FROM occurred_at)::bigint";
    var at = TestEvents.AT.getEpochSecond();
    assertThat(query(environment, database, entry, "audit_log WHERE seq = 26", "1"))
        .isEqualTo(
            life.at(26).eventId()
                + " "
                + life.ann()
                + " "
                + life.spam()
                + " - {\"authorId\": \""
                + life.ben()
                + "\", \"channelId\": \""
                + life.random()
                + "\"} "
                + (at + 26));
    assertThat(query(environment, database, entry, "audit_log WHERE seq = 33", "1"))
        .isEqualTo(
            life.at(33).eventId()
                + " "
                + life.owner()
                + " "
                + life.ben()
                + " rude {} "
                + (at + 33));
    assertThat(query(environment, database, "details::text", "audit_log WHERE seq = 37", "1"))
        .isEqualTo("{\"name\": \"moderators\", \"permissions\": [\"MANAGE_MESSAGES\"]}");
    assertThat(query(environment, database, entry, "audit_log WHERE seq = 39", "1"))
        .isEqualTo(
            life.at(39).eventId()
                + " "
                + life.owner()
                + " - - {\"code\": \""
                + life.code()
                + "\", \"maxUses\": null, \"createdBy\": \""
                + life.owner()
                + "\", \"expiresAt\": null} "
                + (at + 39));
  }

  /**
   * The server is renamed "renamed" with a description, counts one member (the owner, also its only
   * row), and has the invite; nobody is banned.
   */
  public static void assertRegistry(
      ProjectorTestEnvironment environment, String database, ServerLife life) throws Exception {
    var server = "'" + life.history().server() + "'";
    assertThat(
            query(
                environment,
                database,
                "name || ' ' || description || ' ' || member_count || ' ' || database_state"
                    + " || ' ' || (deleted_at IS NULL)",
                "servers WHERE id = " + server,
                "1"))
        .isEqualTo("renamed about 1 ACTIVE true");
    assertThat(
            query(
                environment,
                database,
                "user_id::text",
                "server_members WHERE server_id = " + server,
                "1"))
        .isEqualTo(life.owner().toString());
    assertThat(
            query(environment, database, "code", "invite_codes WHERE server_id = " + server, "1"))
        .isEqualTo(life.code());
    assertThat(
            environment.queryLong(
                database, "SELECT count(*) FROM server_bans WHERE server_id = " + server))
        .isZero();
  }

  /** Ann and the owner each have one mention of Ben's message. */
  public static void assertNotifications(
      ProjectorTestEnvironment environment, String database, ServerLife life) throws Exception {
    var mentioned = life.at(21).eventId();
    var row =
        "id || ' ' || user_id || ' ' || kind || ' ' || server_id || ' ' || channel_id || ' '"
            + " || message_id || ' ' || actor_id";
    var tail =
        " MENTION "
            + life.history().server()
            + " "
            + life.history().channel()
            + " "
            + life.mention()
            + " "
            + life.ben();
    assertThat(
            query(
                environment,
                database,
                row,
                "notifications WHERE server_id = '" + life.history().server() + "'",
                "user_id = '" + life.ann() + "' DESC"))
        .isEqualTo(
            Ids.notificationId(mentioned, life.ann())
                + " "
                + life.ann()
                + tail
                + ","
                + Ids.notificationId(mentioned, life.owner())
                + " "
                + life.owner()
                + tail);
  }

  private static String query(
      ProjectorTestEnvironment environment,
      String database,
      String row,
      String from,
      String orderBy)
      throws Exception {
    return environment.queryRows(database, row, from, orderBy);
  }
}
