package io.ohkay.projector;

/** The projector cannot answer: it is not running, or its database cannot be reached. */
public final class ProjectorUnavailableException extends IllegalStateException {

  ProjectorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  ProjectorUnavailableException(String message) {
    super(message);
  }
}
