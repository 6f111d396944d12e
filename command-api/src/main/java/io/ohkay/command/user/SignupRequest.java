package io.ohkay.command.user;

import io.ohkay.command.web.Fields;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The sign-up body: {@code email}, {@code password}, {@code displayName}. */
record SignupRequest(
    @Nullable String email, @Nullable String password, @Nullable String displayName) {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  /** Validated and normalized (e-mail trimmed and lower-cased); the password is kept as sent. */
  Valid validated() {
    var normalized = Fields.text(email, "email", 3, 254).toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(normalized).matches()) {
      throw Fields.invalid("email is not an e-mail address.");
    }
    if (password == null || password.length() < 8 || password.length() > 128) {
      throw Fields.invalid("password must be 8 to 128 characters.");
    }
    return new Valid(normalized, password, Fields.text(displayName, "displayName", 1, 64));
  }

  record Valid(String email, String password, String displayName) {

    @Override
    public String toString() {
      return "Valid[email=" + email + ", displayName=" + displayName + "]";
    }
  }

  @Override
  public String toString() {
    return "SignupRequest[displayName=" + displayName + "]";
  }
}
