package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/**
 * {@code account.note-membership.v1}, keyed by user id: the account joined ({@code member} true) or
 * left a server. Sent by the server decider so the account knows which memberships to end if it is
 * deleted (and ends a membership decided after its deletion); never by a client.
 */
public record NoteMembership(UserId userId, ServerId serverId, boolean member)
    implements AccountCommand {}
