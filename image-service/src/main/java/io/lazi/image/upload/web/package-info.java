/**
 * REST API of uploads: {@code POST /images/uploads} (multipart {@code file}) and
 * {@code GET /images/uploads/{id}} of the caller's tenant.
 */
@NullMarked
package io.lazi.image.upload.web;

import org.jspecify.annotations.NullMarked;
