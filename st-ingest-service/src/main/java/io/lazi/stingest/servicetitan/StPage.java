package io.lazi.stingest.servicetitan;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * ServiceTitan's paged list envelope ({@code PaginatedResponse_Of_*}).
 *
 * @param page 1-based page number
 * @param hasMore whether a further page exists
 * @param totalCount all matching records, when {@code includeTotal=true} was sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StPage<T>(int page, int pageSize, boolean hasMore, @Nullable Integer totalCount, List<T> data) {
}
