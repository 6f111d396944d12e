package io.ohkay.command.user;

import io.ohkay.command.decider.Decider;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.EmailCommand;
import io.ohkay.schemas.command.OpenAccount;
import io.ohkay.schemas.command.RegisterUser;
import io.ohkay.schemas.command.ReleaseEmail;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides e-mail addresses, keyed by the normalized address: one partition owns each address, so
 * two concurrent sign-ups with one e-mail are ordered and exactly one claims it. A claimed address
 * hands the sign-up over to the new account's aggregate ({@link OpenAccount}), which answers it; a
 * deleted account's address is released.
 */
public final class RegistrationDecider implements Decider<EmailCommand, Registration> {

  @Override
  public Registration initialState() {
    return Registration.FREE;
  }

  @Override
  public Class<Registration> stateType() {
    return Registration.class;
  }

  @Override
  public Class<EmailCommand> commandType() {
    return EmailCommand.class;
  }

  @Override
  public Decision decide(
      EmailCommand command, @Nullable UserId actor, Instant at, Registration state) {
    return switch (command) {
      case RegisterUser register -> register(register, state);
      case ReleaseEmail release ->
          new Decision.Forward(
              release.userId().equals(state.userId()) ? Registration.FREE : state, List.of());
    };
  }

  private static Decision register(RegisterUser command, Registration state) {
    if (state.taken()) {
      return Decision.reject(ErrorCode.EMAIL_TAKEN, "An account with this e-mail already exists.");
    }
    var open =
        new OpenAccount(
            command.userId(),
            command.email(),
            command.passwordHash(),
            command.displayName(),
            command.session());
    return new Decision.Forward(
        new Registration(command.userId()),
        List.of(new Decision.FollowUp(command.userId().toString(), open)));
  }

  @Override
  public String outcomeAggregateId(EmailCommand command, String key) {
    return switch (command) {
      case RegisterUser register -> register.userId().toString();
      case ReleaseEmail release -> release.userId().toString();
    };
  }

  /** Addresses publish no facts: their state only changes by hand-over. */
  @Override
  public Registration evolve(Registration state, EventPayload event) {
    return state;
  }
}
