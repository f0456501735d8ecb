package org.crmworkbench.plugin.value;

import org.jooq.Condition;
import org.jooq.DSLContext;

import java.util.List;

import static org.crmworkbench.api.coreviews.Tables.V_PRODUCTS;

/** The core's active products, for choosing what a sellogram or canvas is about. */
public final class Catalogue {

    /** A product as offered in a choice. */
    public record Product(long id, String code, String name) {

        public String label() {
            return name + " (" + code + ")";
        }
    }

    private final DSLContext dsl;

    public Catalogue(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A page of active products whose name or code contains {@code filter}, by name. */
    public List<Product> products(String filter, int offset, int limit) {
        return dsl.select(V_PRODUCTS.ID, V_PRODUCTS.CODE, V_PRODUCTS.NAME).from(V_PRODUCTS).where(matching(filter))
                .orderBy(V_PRODUCTS.NAME, V_PRODUCTS.ID).offset(offset).limit(limit)
                .fetch(r -> new Product(r.value1(), r.value2(), r.value3()));
    }

    public int count(String filter) {
        return dsl.fetchCount(V_PRODUCTS, matching(filter));
    }

    private static Condition matching(String filter) {
        Condition active = V_PRODUCTS.ACTIVE.isTrue();
        return filter == null || filter.isBlank() ? active
                : active.and(V_PRODUCTS.NAME.containsIgnoreCase(filter.strip()).or(V_PRODUCTS.CODE.containsIgnoreCase(filter.strip())));
    }
}
