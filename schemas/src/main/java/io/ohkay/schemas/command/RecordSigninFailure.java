package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/** {@code signin.record-failure.v1}: a wrong password was presented for this account. */
public record RecordSigninFailure(UserId userId, @Nullable String ip, @Nullable String userAgent)
    implements AccountCommand {}
