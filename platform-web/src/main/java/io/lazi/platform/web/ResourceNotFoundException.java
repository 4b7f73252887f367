package io.lazi.platform.web;

/**
 * Thrown when a resource does not exist for the caller's tenant (another tenant's resource counts as
 * missing); answers 404 {@link Problems#NOT_FOUND}.
 */
public class ResourceNotFoundException extends RuntimeException {

	public ResourceNotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
