package io.ohkay.projector.server;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.placement.ServerCredentials;

/**
 * Where a server's database lives and how to log in to it, as its registry row records it.
 *
 * @param server the server
 * @param cluster the PostgreSQL cluster holding its database ({@code servers.cluster})
 * @param database the database name ({@code servers.database_name})
 * @param role the login role owning the database ({@code servers.db_role})
 * @param sealedCredentials the role's password, sealed for this row ({@code
 *     servers.db_credentials})
 */
public record ServerPlacement(
    ServerId server, String cluster, String database, String role, String sealedCredentials) {

  /** The associated data the credentials are sealed with: this row's placement. */
  public String boundTo() {
    return ServerCredentials.boundTo(server, cluster, database, role);
  }

  /** The role's password, opened from the sealed credentials. */
  public String password(ServerCredentials credentials) {
    return credentials.open(sealedCredentials, boundTo());
  }

  @Override
  public String toString() {
    return "ServerPlacement[" + server + " on " + cluster + ": " + role + "@" + database + "]";
  }
}
