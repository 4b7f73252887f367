package io.lazi.image;

import io.lazi.platform.test.ProbeContract;

/** The Kubernetes probes on the management port (see {@link ProbeContract}). */
class ProbesIntegrationTests extends ImageIntegrationTestSupport implements ProbeContract {
}
