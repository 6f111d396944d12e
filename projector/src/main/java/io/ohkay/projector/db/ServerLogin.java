package io.ohkay.projector.db;

import java.util.function.Supplier;

/**
 * How to reach one server's database: the cluster it is placed on, and its own login role.
 *
 * @param cluster the name of the cluster ({@code ohkay.projector.clusters})
 * @param database the database name
 * @param role the login role owning the database
 * @param password yields the role's password; asked only when a pool is (re)opened or the role
 *     provisioned, so the plaintext lives nowhere else than in the pool's configuration
 */
public record ServerLogin(String cluster, String database, String role, Supplier<String> password) {

  @Override
  public String toString() {
    return "ServerLogin[" + role + "@" + cluster + "/" + database + "]";
  }
}
