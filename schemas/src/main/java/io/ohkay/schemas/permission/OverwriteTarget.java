package io.ohkay.schemas.permission;

/** Whom a channel overwrite applies to. */
public enum OverwriteTarget {
  /** Every member holding the role (the everyone role: every member). */
  ROLE,
  /** One member. */
  MEMBER
}
