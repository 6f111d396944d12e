package io.ohkay.projector.projection;

import io.ohkay.schemas.id.ServerId;
import java.util.regex.Pattern;

/**
 * The names of the projected databases inside one namespace ({@code
 * ohkay.projector.database-prefix}, default {@code ohkay_}). Readers take a server database's name
 * from {@code servers.database_name}, written from here, and never compute it themselves.
 *
 * @param prefix lowercase letters, digits and underscores; at most 24 characters so every name fits
 *     PostgreSQL's 63
 */
public record DatabaseNames(String prefix) {

  private static final Pattern PREFIX = Pattern.compile("[a-z0-9_]{0,24}");

  public DatabaseNames {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "database prefix must match [a-z0-9_]{0,24}, was '" + prefix + "'");
    }
  }

  /** Accounts: users and profiles. */
  public String auth() {
    return prefix + "auth";
  }

  /** Servers, their members and statistics. */
  public String registry() {
    return prefix + "server_registry";
  }

  /** Direct messages: conversations, their messages, read status and blocks. */
  public String dms() {
    return prefix + "dms";
  }

  /** What every server database's name starts with (the registry's does too). */
  public String serverPrefix() {
    return prefix + "server_";
  }

  /** The server's own database: channels and messages. */
  public String server(ServerId serverId) {
    return prefix + "server_" + serverId.value().toString().replace("-", "");
  }
}
