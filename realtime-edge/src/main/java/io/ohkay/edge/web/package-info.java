/**
 * HTTP adapter shared by the edge routes: bearer authentication, request ids and problem+json
 * errors.
 */
@NullMarked
package io.ohkay.edge.web;

import org.jspecify.annotations.NullMarked;
