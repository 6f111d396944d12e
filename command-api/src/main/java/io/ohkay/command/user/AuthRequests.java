package io.ohkay.command.user;

import io.ohkay.command.web.Fields;
import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The bodies of the account routes other than sign-up, validated; passwords never printed. */
final class AuthRequests {

  static final int MAX_PASSWORD = 128;

  private AuthRequests() {}

  /** {@code POST /api/auth/signin}. */
  record Signin(@Nullable String email, @Nullable String password) {

    /** The normalized e-mail; any shape error is the same refusal as a wrong password. */
    String normalizedEmail() {
      var value = Fields.text(email, "email", 3, 254).toLowerCase(Locale.ROOT);
      if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
        throw Fields.invalid("password must be 1 to " + MAX_PASSWORD + " characters.");
      }
      return value;
    }

    @Override
    public String toString() {
      return "Signin[email=" + email + "]";
    }
  }

  /** {@code POST /api/auth/refresh}. */
  record Refresh(@Nullable String refreshToken) {

    String token() {
      return Fields.text(refreshToken, "refreshToken", 1, 200);
    }

    @Override
    public String toString() {
      return "Refresh[]";
    }
  }

  /** {@code DELETE /api/profiles/me}: the password confirms it. */
  record DeleteAccount(@Nullable String password) {

    String confirmed() {
      if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
        throw Fields.invalid("password is required to delete the account.");
      }
      return password;
    }

    @Override
    public String toString() {
      return "DeleteAccount[]";
    }
  }

  /** {@code PUT /api/profiles/me}: the whole public profile. */
  record Profile(@Nullable String displayName, @Nullable String avatarUrl, @Nullable String bio) {

    static final int MAX_URL = 2048;
    static final int MAX_BIO = 1000;

    Profile validated() {
      var name = Fields.text(displayName, "displayName", 1, 64);
      var url = avatarUrl == null || avatarUrl.isBlank() ? null : httpUrl(avatarUrl.strip());
      var text = bio == null || bio.isBlank() ? null : Fields.text(bio, "bio", 1, MAX_BIO);
      return new Profile(name, url, text);
    }

    private static String httpUrl(String value) {
      try {
        var uri = new URI(value);
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (value.length() <= MAX_URL
            && (scheme.equals("https") || scheme.equals("http"))
            && uri.getHost() != null) {
          return value;
        }
      } catch (URISyntaxException e) {
        // refused below
      }
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED,
          "avatarUrl must be an absolute http(s) URL of at most " + MAX_URL + " characters.");
    }
  }
}
