package io.ohkay.command.server;

import io.ohkay.command.web.Fields;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Permission lists in request bodies, by their API names ({@code ["MANAGE_MESSAGES"]}). */
final class PermissionFields {

  private PermissionFields() {}

  /**
   * The named permissions, once each and in declaration order; absent is none. An unknown name is
   * VALIDATION_FAILED.
   */
  static List<Permission> parse(@Nullable List<@Nullable String> names, String field) {
    if (names == null) {
      return List.of();
    }
    var permissions = new ArrayList<Permission>();
    for (var name : names) {
      permissions.add(parse(name, field));
    }
    return PermissionSet.of(permissions).toList();
  }

  private static Permission parse(@Nullable String name, String field) {
    if (name != null) {
      for (var permission : Permission.values()) {
        if (permission.name().equals(name)) {
          return permission;
        }
      }
    }
    throw Fields.invalid(field + " holds an unknown permission: " + name + ".");
  }
}
