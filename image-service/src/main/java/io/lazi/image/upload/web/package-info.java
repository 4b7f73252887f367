/**
 * REST API of uploads: {@code POST /images/uploads} (multipart {@code file}) and
 * {@code GET /images/uploads/{id}} of the caller's tenant; {@code GET}/{@code HEAD /internal/uploads/{id}}
 * for other services.
 */
@NullMarked
package io.lazi.image.upload.web;

import org.jspecify.annotations.NullMarked;
