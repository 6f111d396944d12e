package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents.MembershipLife;

/** The registry rows {@link TestEvents#membershipLife()} ends with. */
public final class MembershipRows {

  private MembershipRows() {}

  /**
   * Members are the owner (joined at creation) and Ben (rejoined at seq 15), Ann having left; only
   * Cat is banned, without a reason (seq 16), Ben's ban lifted; the limited invite was used three
   * times, the unlimited one never.
   */
  public static void assertProjected(
      ProjectorTestEnvironment environment, String database, MembershipLife life) throws Exception {
    var server = "'" + life.server() + "' ";
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(user_id || '@' || "
                    + seconds("joined_at")
                    + ", ','"
                    + " ORDER BY joined_at) FROM server_members WHERE server_id = "
                    + server))
        .isEqualTo(life.history().owner() + "@0," + life.ben() + "@15");
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(user_id || ' ' || coalesce(reason, '-') || '@' || "
                    + seconds("banned_at")
                    + ", ',') FROM server_bans WHERE server_id = "
                    + server))
        .isEqualTo(life.cat() + " -@16");
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(code || ' uses ' || uses || ' max ' || coalesce(max_uses::text,"
                    + " '-') || ' expires ' || coalesce(expires_at::date::text, '-') || ' by '"
                    + " || created_by || '@' || "
                    + seconds("created_at")
                    + ", ',' ORDER BY code) FROM invite_codes WHERE server_id = "
                    + server))
        .isEqualTo(
            life.code()
                + " uses 3 max 10 expires 2026-03-31 by "
                + life.history().owner()
                + "@4,"
                + life.unlimited()
                + " uses 0 max - expires - by "
                + life.history().owner()
                + "@5");
  }

  /** A timestamp column as seconds after {@link TestEvents#AT}. */
  private static String seconds(String column) {
    return "(extract(epoch FROM " + column + ")::bigint - " + TestEvents.AT.getEpochSecond() + ")";
  }
}
