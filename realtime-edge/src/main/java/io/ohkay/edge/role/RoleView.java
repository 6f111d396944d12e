package io.ohkay.edge.role;

import java.util.List;
import java.util.UUID;

/**
 * A role in {@code GET /api/servers/{id}/roles}.
 *
 * @param permissions the API names of what it grants
 * @param everyone whether it is the everyone role (its id is the server's)
 */
record RoleView(UUID id, String name, List<String> permissions, boolean everyone) {}
