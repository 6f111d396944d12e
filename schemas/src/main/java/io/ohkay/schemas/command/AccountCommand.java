package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;

/** Commands decided by one account's aggregate, keyed by its user id. */
public sealed interface AccountCommand extends UserCommand
    permits OpenAccount,
        StartSession,
        RefreshSession,
        RevokeSession,
        RecordSigninFailure,
        UpdateProfile,
        DeleteAccount,
        NoteMembership,
        MarkNotificationsRead {

  /** The account that decides the command; the record key. */
  UserId userId();
}
