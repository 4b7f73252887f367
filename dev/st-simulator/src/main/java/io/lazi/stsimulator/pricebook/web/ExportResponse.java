package io.lazi.stsimulator.pricebook.web;

import java.util.List;

/**
 * ServiceTitan's {@code ExportResponse_Of_*} envelope.
 */
record ExportResponse<T>(boolean hasMore, String continueFrom, List<T> data) {
}
