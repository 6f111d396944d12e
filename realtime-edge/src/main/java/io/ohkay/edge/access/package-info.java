/**
 * Who may do what in a server as its database says: the {@code AccessModel} of the shared
 * permission computation, built from the projected roles, member roles and channel overwrites.
 */
@NullMarked
package io.ohkay.edge.access;

import org.jspecify.annotations.NullMarked;
