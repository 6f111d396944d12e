package io.ohkay.command.user;

import io.ohkay.command.decider.Decider;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.AccountCommand;
import io.ohkay.schemas.command.DeleteAccount;
import io.ohkay.schemas.command.MarkNotificationsRead;
import io.ohkay.schemas.command.NewSession;
import io.ohkay.schemas.command.NoteMembership;
import io.ohkay.schemas.command.OpenAccount;
import io.ohkay.schemas.command.RecordSigninFailure;
import io.ohkay.schemas.command.RefreshSession;
import io.ohkay.schemas.command.ReleaseEmail;
import io.ohkay.schemas.command.RemoveMember;
import io.ohkay.schemas.command.RevokeSession;
import io.ohkay.schemas.command.StartSession;
import io.ohkay.schemas.command.UpdateProfile;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.NotificationsRead;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides one account, keyed by user id: its opening, sessions (refresh-token rotation with reuse
 * detection, RFC 9700), failed sign-ins, profile, notification read markers and deletion. Passwords
 * are checked by the command API before a command is sent; this aggregate decides what may follow
 * from a checked one.
 */
public final class AccountDecider implements Decider<AccountCommand, AccountState> {

  /** A session ends this long after its last sign-in or refresh. */
  static final Duration SESSION_LIFETIME = Duration.ofDays(30);

  @Override
  public AccountState initialState() {
    return AccountState.NONE;
  }

  @Override
  public Class<AccountState> stateType() {
    return AccountState.class;
  }

  @Override
  public Class<AccountCommand> commandType() {
    return AccountCommand.class;
  }

  @Override
  public Decision decide(
      AccountCommand command, @Nullable UserId actor, Instant at, AccountState state) {
    return switch (command) {
      case OpenAccount open -> open(open, at, state);
      case StartSession start ->
          ifActive(
              state,
              ErrorCode.INVALID_CREDENTIALS,
              () -> Decision.accept(started(start.userId(), start.session(), at)));
      case RefreshSession refresh ->
          ifActive(state, ErrorCode.INVALID_REFRESH_TOKEN, () -> refresh(refresh, at, state));
      case RevokeSession revoke ->
          ifActive(state, ErrorCode.UNAUTHENTICATED, () -> revoke(revoke, at, state));
      case RecordSigninFailure failure ->
          ifActive(
              state,
              ErrorCode.INVALID_CREDENTIALS,
              () ->
                  Decision.accept(
                      new SigninFailed(failure.userId(), failure.ip(), failure.userAgent())));
      case UpdateProfile update ->
          ifActive(
              state,
              ErrorCode.UNAUTHENTICATED,
              () ->
                  Decision.accept(
                      new ProfileUpdated(
                          update.userId(),
                          update.displayName(),
                          update.avatarUrl(),
                          update.bio())));
      case DeleteAccount delete ->
          ifActive(state, ErrorCode.UNAUTHENTICATED, () -> delete(delete, state));
      case MarkNotificationsRead read ->
          ifActive(
              state,
              ErrorCode.ACCOUNT_NOT_FOUND,
              () -> Decision.accept(new NotificationsRead(read.userId(), read.notificationId())));
      case NoteMembership note -> note(note, state);
    };
  }

  /**
   * The decision for an existing account; a missing or deleted one is refused with {@code gone},
   * which never tells the two apart.
   */
  private static Decision ifActive(
      AccountState state, ErrorCode gone, Supplier<Decision> decision) {
    return state.active() ? decision.get() : Decision.reject(gone, "No such account.");
  }

  private static Decision open(OpenAccount open, Instant at, AccountState state) {
    if (state.email() != null || state.deleted()) {
      return Decision.reject(ErrorCode.EMAIL_TAKEN, "This account already exists.");
    }
    var registered =
        new UserRegistered(open.userId(), open.email(), open.passwordHash(), open.displayName());
    return open.session() == null
        ? Decision.accept(registered)
        : Decision.accept(registered, started(open.userId(), open.session(), at));
  }

  private static SessionStarted started(UserId user, NewSession session, Instant at) {
    return new SessionStarted(
        user, session.sessionId(), at.plus(SESSION_LIFETIME), session.ip(), session.userAgent());
  }

  private static Decision refresh(RefreshSession refresh, Instant at, AccountState state) {
    var session = state.session(refresh.sessionId(), at);
    if (session == null || refresh.generation() > session.generation()) {
      return Decision.reject(ErrorCode.INVALID_REFRESH_TOKEN, "This session has ended.");
    }
    if (refresh.generation() < session.generation()) {
      return Decision.accept(
          new SessionRevoked(
              refresh.userId(), refresh.sessionId(), SessionRevoked.Reason.REFRESH_TOKEN_REUSED));
    }
    return Decision.accept(
        new SessionRefreshed(
            refresh.userId(),
            refresh.sessionId(),
            session.generation() + 1,
            at.plus(SESSION_LIFETIME)));
  }

  private static Decision revoke(RevokeSession revoke, Instant at, AccountState state) {
    if (state.session(revoke.sessionId(), at) == null) {
      return Decision.reject(ErrorCode.UNAUTHENTICATED, "This session has already ended.");
    }
    return Decision.accept(
        new SessionRevoked(revoke.userId(), revoke.sessionId(), SessionRevoked.Reason.SIGNED_OUT));
  }

  /** Releases the e-mail and ends every membership the account has. */
  private static Decision delete(DeleteAccount delete, AccountState state) {
    var email = Objects.requireNonNull(state.email());
    var followUps = new ArrayList<Decision.FollowUp>();
    followUps.add(new Decision.FollowUp(email, new ReleaseEmail(email, delete.userId())));
    state.servers().stream()
        .sorted()
        .forEach(server -> followUps.add(removal(new ServerId(server), delete.userId())));
    return new Decision.Accept(List.of(new UserDeleted(delete.userId())), followUps);
  }

  /**
   * Bookkeeping of the account's memberships (no fact, no answer). A join decided after the
   * account's deletion is ended at once.
   */
  private static Decision note(NoteMembership note, AccountState state) {
    if (state.deleted() && note.member()) {
      return new Decision.Forward(state, List.of(removal(note.serverId(), note.userId())));
    }
    return new Decision.Forward(
        state.withServer(note.serverId().value(), note.member()), List.of());
  }

  private static Decision.FollowUp removal(ServerId server, UserId user) {
    return new Decision.FollowUp(server.toString(), new RemoveMember(server, user));
  }

  @Override
  public AccountState evolve(AccountState state, EventPayload event) {
    return switch (event) {
      case UserRegistered registered -> state.opened(registered.email());
      case SessionStarted started ->
          state.withSession(
              started.sessionId(),
              new AccountState.Session(0, started.expiresAt()),
              started.expiresAt().minus(SESSION_LIFETIME));
      case SessionRefreshed refreshed ->
          state.withSession(
              refreshed.sessionId(),
              new AccountState.Session(refreshed.generation(), refreshed.expiresAt()),
              refreshed.expiresAt().minus(SESSION_LIFETIME));
      case SessionRevoked revoked -> state.withoutSession(revoked.sessionId());
      case UserDeleted deleted -> state.erased();
      case SigninFailed failed -> state;
      case ProfileUpdated updated -> state;
      case NotificationsRead read -> state;
      case ServerEvent other -> state;
      case DmEvent other -> state;
    };
  }
}
