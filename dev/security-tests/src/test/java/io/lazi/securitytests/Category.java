package io.lazi.securitytests;

/** The OWASP API Security Top 10 (2023) categories the suite probes, as its report names them. */
enum Category {

	AUTHENTICATION("API2:2023 Broken Authentication"),
	OBJECT_LEVEL("API1:2023 Broken Object Level Authorization"),
	FUNCTION_LEVEL("API5:2023 Broken Function Level Authorization"),
	BAD_INPUT("API8:2023 Security Misconfiguration: bad input"),
	SSRF("API7:2023 Server Side Request Forgery"),
	RESOURCE_CONSUMPTION("API4:2023 Unrestricted Resource Consumption"),
	EXPOSURE("API8:2023 Security Misconfiguration: exposure");

	private final String title;

	Category(String title) {
		this.title = title;
	}

	String title() {
		return title;
	}
}
