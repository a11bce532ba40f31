package org.quotelab.domain.quote;

import java.util.List;

/**
 * One page of a keyset-paged read. Pass {@code nextAfterId} as the "after" id of the next call;
 * it is -1 when this was the last page.
 */
public record Page<T>(List<T> items, long nextAfterId) {

    public boolean hasMore() {
        return nextAfterId >= 0;
    }
}
