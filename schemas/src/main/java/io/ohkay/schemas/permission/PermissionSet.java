package io.ohkay.schemas.permission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An immutable set of permissions as bits. */
public record PermissionSet(long bits) {

  public static final PermissionSet NONE = new PermissionSet(0L);

  public static final PermissionSet ALL = of(List.of(Permission.values()));

  /** What the everyone role of a new server grants. */
  public static final PermissionSet EVERYONE_DEFAULT =
      of(List.of(Permission.VIEW_CHANNEL, Permission.SEND_MESSAGES, Permission.CREATE_INVITES));

  public static PermissionSet of(Collection<Permission> permissions) {
    var bits = 0L;
    for (var permission : permissions) {
      bits |= permission.bit();
    }
    return new PermissionSet(bits);
  }

  public boolean has(Permission permission) {
    return (bits & permission.bit()) != 0;
  }

  /** Whether every permission of {@code other} is in this set. */
  public boolean containsAll(PermissionSet other) {
    return (other.bits & ~bits) == 0;
  }

  public PermissionSet with(PermissionSet other) {
    return new PermissionSet(bits | other.bits);
  }

  public PermissionSet without(PermissionSet other) {
    return new PermissionSet(bits & ~other.bits);
  }

  /** The permissions in declaration order, as the API names them. */
  public List<Permission> toList() {
    var list = new ArrayList<Permission>();
    for (var permission : Permission.values()) {
      if (has(permission)) {
        list.add(permission);
      }
    }
    return List.copyOf(list);
  }
}
