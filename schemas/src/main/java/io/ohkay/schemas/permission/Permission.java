package io.ohkay.schemas.permission;

/**
 * What a role or an overwrite grants, named as in the API ({@code "permissions":
 * ["MANAGE_MESSAGES"]}). The names are stable; a new permission is appended.
 */
public enum Permission {
  /** Every permission, in every channel, overwrites notwithstanding. */
  ADMINISTRATOR,
  /** Rename, update and read the audit log of the server. */
  MANAGE_SERVER,
  /** Create, rename, move and delete channels and set their overwrites. */
  MANAGE_CHANNELS,
  /** Create, update, delete and assign roles holding no permission the actor lacks. */
  MANAGE_ROLES,
  KICK_MEMBERS,
  /** Ban and unban. */
  BAN_MEMBERS,
  /** Delete other members' messages. */
  MANAGE_MESSAGES,
  SEND_MESSAGES,
  /** See a channel, its messages and its events; without it a channel does not exist for one. */
  VIEW_CHANNEL,
  CREATE_INVITES;

  /** This permission's bit in a {@link PermissionSet}. */
  long bit() {
    return 1L << ordinal();
  }
}
