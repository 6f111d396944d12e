/** HTTP adapters shared by the write-side routes: problem+json, bearer authentication, bodies. */
@NullMarked
package io.ohkay.command.web;

import org.jspecify.annotations.NullMarked;
