/** jOOQ repositories of the sync runs ({@code sync_run}) and the incremental cursors ({@code sync_cursor}). */
@NullMarked
package io.lazi.stingest.sync.persistence;

import org.jspecify.annotations.NullMarked;
