package io.lazi.platform.events;

/**
 * A payload that names the tenant it belongs to. Every top-level event payload is one, so a consumer can
 * check that the {@code ce_tenantid} header and the payload agree without knowing the record.
 */
public interface TenantPayload {

	/** The ServiceTitan tenant id; a malformed payload may carry none. */
	String tenantId();
}
