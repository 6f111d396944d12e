/** Roles and their assignments in a server's own database: roles and member_roles. */
@NullMarked
package io.ohkay.projector.role;

import org.jspecify.annotations.NullMarked;
