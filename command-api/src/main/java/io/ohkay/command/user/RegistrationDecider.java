package io.ohkay.command.user;

import io.ohkay.command.decider.Decider;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.RegisterUser;
import io.ohkay.schemas.command.UserCommand;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Decides registrations keyed by normalized e-mail: one partition owns each address, so two
 * concurrent sign-ups with one e-mail are ordered and exactly one wins.
 */
public final class RegistrationDecider implements Decider<UserCommand, Registration> {

  @Override
  public Registration initialState() {
    return Registration.FREE;
  }

  @Override
  public Class<Registration> stateType() {
    return Registration.class;
  }

  @Override
  public Class<UserCommand> commandType() {
    return UserCommand.class;
  }

  @Override
  public Decision decide(UserCommand command, @Nullable UserId actor, Registration state) {
    return switch (command) {
      case RegisterUser register -> register(register, state);
    };
  }

  private static Decision register(RegisterUser command, Registration state) {
    if (state.taken()) {
      return Decision.reject(ErrorCode.EMAIL_TAKEN, "An account with this e-mail already exists.");
    }
    return Decision.accept(
        new UserRegistered(
            command.userId(), command.email(), command.passwordHash(), command.displayName()));
  }

  @Override
  public String outcomeAggregateId(UserCommand command, String key) {
    return switch (command) {
      case RegisterUser register -> register.userId().toString();
    };
  }

  @Override
  public Registration evolve(Registration state, EventPayload event) {
    return event instanceof UserRegistered registered
        ? new Registration(registered.userId())
        : state;
  }
}
