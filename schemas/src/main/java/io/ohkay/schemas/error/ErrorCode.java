package io.ohkay.schemas.error;

/**
 * Every error a client can see, with its HTTP status. The enum name is the stable {@code code} of
 * the problem+json body and of rejected outcomes; renaming one is a breaking change.
 */
public enum ErrorCode {
  // Request errors, raised by the HTTP edge before anything is appended.
  MALFORMED_JSON(400, "The body is not valid JSON for this endpoint."),
  VALIDATION_FAILED(400, "A field is missing, empty or out of range."),
  INVALID_ID(400, "A path or query id is not a UUID."),
  INVALID_CURSOR(400, "The cursor or limit is not valid."),
  UNAUTHENTICATED(401, "A valid access token is required."),
  NOT_FOUND(404, "No such resource."),
  METHOD_NOT_ALLOWED(405, "This method is not allowed here."),
  PAYLOAD_TOO_LARGE(413, "The body is larger than this endpoint accepts."),
  UNSUPPORTED_MEDIA_TYPE(415, "The body must be application/json."),
  RATE_LIMITED(429, "Too many requests; retry later."),
  INTERNAL_ERROR(500, "Something went wrong on our side; nothing was lost."),
  UNAVAILABLE(503, "A component is not ready; retry later."),

  // Business rejections, decided by the decider and carried by outcomes.
  INVALID_CREDENTIALS(401, "The e-mail or password is wrong."),
  INVALID_REFRESH_TOKEN(401, "The refresh token is invalid, expired, revoked or already used."),
  PASSWORD_MISMATCH(403, "The password is wrong."),
  ACCOUNT_NOT_FOUND(404, "No such account."),
  OWNS_SERVERS(409, "Transfer or delete the servers you own first."),
  EMAIL_TAKEN(409, "An account with this e-mail already exists."),
  SERVER_ALREADY_EXISTS(409, "A server with this id already exists."),
  SERVER_NOT_FOUND(404, "No such server, or you are not a member of it."),
  CHANNEL_NOT_FOUND(404, "No such channel in this server."),
  INVITE_NOT_FOUND(404, "No such invite, or it has expired or been used up."),
  BANNED(403, "You are banned from this server."),
  ALREADY_MEMBER(409, "You are already a member of this server."),
  MEMBER_NOT_FOUND(404, "No such member in this server."),
  MISSING_PERMISSION(403, "You may not do this in this server."),
  OWNER_CANNOT_LEAVE(
      409, "The owner cannot leave, be kicked or be banned; delete the server instead."),
  MESSAGE_ALREADY_EXISTS(409, "A message with this id already exists."),
  MESSAGE_NOT_FOUND(404, "No such message in this channel, or it was deleted."),
  ROLE_NOT_FOUND(404, "No such role in this server."),
  ROLE_ALREADY_EXISTS(409, "A role with this id already exists."),
  CONVERSATION_NOT_FOUND(404, "No such conversation, or you are not in it."),
  CANNOT_SEND(403, "You cannot send messages to this user."),
  NOT_MESSAGE_AUTHOR(403, "Only the message's author may do this.");

  private final int httpStatus;
  private final String title;

  ErrorCode(int httpStatus, String title) {
    this.httpStatus = httpStatus;
    this.title = title;
  }

  /** The HTTP status a client receives for this error. */
  public int httpStatus() {
    return httpStatus;
  }

  /** A short human-readable summary: the problem+json {@code title}. */
  public String title() {
    return title;
  }
}
