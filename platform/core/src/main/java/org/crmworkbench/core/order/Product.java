package org.crmworkbench.core.order;

/**
 * A stored product.
 *
 * @param id      primary key
 * @param data    its fields
 * @param version optimistic-locking version
 */
public record Product(long id, ProductData data, int version) {

    /** "code — name", as shown in pickers. */
    public String label() {
        return data.code() + " — " + data.name();
    }
}
