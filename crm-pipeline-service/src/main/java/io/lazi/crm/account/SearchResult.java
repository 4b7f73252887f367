package io.lazi.crm.account;

import java.util.List;

/** The records a search found, best first. */
public record SearchResult(List<SearchHit> items) {
}
