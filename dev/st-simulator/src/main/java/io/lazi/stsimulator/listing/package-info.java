/**
 * ServiceTitan's list conventions, shared by every simulated list: the paging and filter arguments
 * ({@code page}, {@code pageSize}, {@code includeTotal}, {@code active} and the four date bounds),
 * their validation into one 400, filtering and paging, and the {@code PaginatedResponse_Of_*}
 * envelope.
 */
@NullMarked
package io.lazi.stsimulator.listing;

import org.jspecify.annotations.NullMarked;
