package org.crmworkbench.core.order;

import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.editing.Decimals;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.editing.NotAllowedException;
import org.crmworkbench.db.jooq.tables.records.ProductRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.crmworkbench.db.jooq.Tables.PRODUCT;

/**
 * The products catalogue: everyone reads it, MANAGER and ADMIN maintain it. Paged and searched in SQL.
 */
public final class ProductService {

    private final DSLContext dsl;
    private final SecurityLog securityLog;
    private final Clock clock;

    public ProductService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.securityLog = new SecurityLog(dsl, clock);
        this.clock = clock;
    }

    /** Products whose code, name or group starts with {@code search}, by group and name. */
    public List<Product> page(String search, boolean activeOnly, int offset, int limit) {
        return dsl.selectFrom(PRODUCT).where(condition(search, activeOnly))
                .orderBy(PRODUCT.PRODUCT_GROUP, PRODUCT.NAME, PRODUCT.ID).offset(offset).limit(limit)
                .fetch(ProductService::toProduct);
    }

    /** The product; every signed-in user may see the catalogue. */
    public Optional<Product> find(long id) {
        return dsl.selectFrom(PRODUCT).where(PRODUCT.ID.eq(id)).fetchOptional(ProductService::toProduct);
    }

    /**
     * Deletes a product that no order uses (deactivate it otherwise, so order history stays intact).
     *
     * @param expectedVersion null to delete whatever version is stored
     * @return false when there is no such product
     * @throws NotAllowedException     when the user may not maintain the catalogue
     * @throws InvalidInputException   when an order line uses it
     * @throws ConcurrentEditException when {@code expectedVersion} is given and someone saved it in between
     */
    public boolean delete(long id, Integer expectedVersion, UserRef by) {
        if (!mayMaintain(by)) {
            throw new NotAllowedException("product.error.not-allowed");
        }
        Condition version = expectedVersion == null ? DSL.trueCondition() : PRODUCT.VERSION.eq(expectedVersion);
        try {
            if (dsl.deleteFrom(PRODUCT).where(PRODUCT.ID.eq(id).and(version)).execute() == 1) {
                securityLog.deleted(by, "product", id);
                return true;
            }
        } catch (IntegrityConstraintViolationException e) { // fk_order_line_product
            throw new InvalidInputException(Map.of("active", "product.error.in-use"));
        }
        var now = dsl.selectFrom(PRODUCT).where(PRODUCT.ID.eq(id)).fetchOptional();
        if (now.isEmpty()) {
            return false;
        }
        throw new ConcurrentEditException(now.get().getUpdatedBy(), now.get().getUpdatedAt());
    }

    public int count(String search, boolean activeOnly) {
        return dsl.fetchCount(PRODUCT, condition(search, activeOnly));
    }

    /** Whether the user may add and change products. */
    public static boolean mayMaintain(UserRef user) {
        return user.hasRole(Role.MANAGER) || user.hasRole(Role.ADMIN);
    }

    /**
     * Adds a product.
     *
     * @throws InvalidInputException when the input breaks a rule
     * @throws NotAllowedException   when the user may not maintain the catalogue
     */
    public long create(ProductData data, UserRef by) {
        validate(data, by);
        var record = dsl.newRecord(PRODUCT);
        fill(record, data, by);
        try {
            record.store();
        } catch (IntegrityConstraintViolationException e) {
            throw duplicateOrRethrow(e);
        }
        return record.getId();
    }

    /**
     * Changes a product that still has {@code expectedVersion}.
     *
     * @throws ConcurrentEditException when someone saved it in between
     * @throws InvalidInputException   when the input breaks a rule
     */
    public void update(long id, int expectedVersion, ProductData data, UserRef by) {
        validate(data, by);
        var record = dsl.newRecord(PRODUCT);
        fill(record, data, by);
        record.changed(PRODUCT.ID, false);
        int updated;
        try {
            updated = dsl.update(PRODUCT).set(record).set(PRODUCT.VERSION, PRODUCT.VERSION.plus(1))
                    .where(PRODUCT.ID.eq(id).and(PRODUCT.VERSION.eq(expectedVersion))).execute();
        } catch (IntegrityConstraintViolationException e) {
            throw duplicateOrRethrow(e);
        }
        if (updated == 0) {
            var now = dsl.selectFrom(PRODUCT).where(PRODUCT.ID.eq(id)).fetchOptional();
            throw new ConcurrentEditException(now.map(ProductRecord::getUpdatedBy).orElse(null),
                    now.map(ProductRecord::getUpdatedAt).orElse(null));
        }
    }

    static Map<String, String> check(ProductData data) {
        var errors = new LinkedHashMap<String, String>();
        requireText(errors, "code", data.code(), 40);
        requireText(errors, "name", data.name(), 200);
        requireText(errors, "productGroup", data.productGroup(), 100);
        if (data.listPrice() != null && Decimals.tooPrecise(data.listPrice())) {
            errors.put("listPrice", "product.error.too-large");
        } else if (data.listPrice() != null && data.listPrice().signum() < 0) {
            errors.put("listPrice", "product.error.negative-price");
        } else if (data.listPrice() != null && data.listPrice().compareTo(new BigDecimal("999999999999.99")) > 0) {
            errors.put("listPrice", "product.error.too-large"); // DECIMAL(14, 2)
        }
        return errors;
    }

    private static void requireText(Map<String, String> errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.put(field, "product.error.required");
        } else if (value.strip().length() > maxLength) {
            errors.put(field, "product.error.too-long");
        }
    }

    private static void validate(ProductData data, UserRef by) {
        if (!mayMaintain(by)) {
            throw new NotAllowedException("product.error.not-allowed");
        }
        var errors = check(data);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void fill(ProductRecord record, ProductData data, UserRef by) {
        record.setCode(data.code().strip().toUpperCase());
        record.setName(data.name().strip());
        record.setProductGroup(data.productGroup().strip());
        record.setListPrice(data.listPrice() == null ? null : data.listPrice().setScale(2, RoundingMode.HALF_UP));
        record.setActive(data.active());
        record.setUpdatedAt(LocalDateTime.now(clock));
        record.setUpdatedBy(by.username());
    }

    private static RuntimeException duplicateOrRethrow(IntegrityConstraintViolationException e) {
        if (e.getMessage() != null && e.getMessage().contains("uq_product_code")) {
            return new InvalidInputException(Map.of("code", "product.error.code-taken"));
        }
        return e;
    }

    private static Condition condition(String search, boolean activeOnly) {
        Condition condition = activeOnly ? PRODUCT.ACTIVE.isTrue() : DSL.trueCondition();
        String text = search == null ? "" : search.strip();
        if (!text.isEmpty()) {
            String prefix = text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            condition = condition.and(PRODUCT.CODE.like(prefix, '!').or(PRODUCT.NAME.like(prefix, '!'))
                    .or(PRODUCT.PRODUCT_GROUP.like(prefix, '!')));
        }
        return condition;
    }

    static Product toProduct(ProductRecord r) {
        BigDecimal price = r.getListPrice();
        return new Product(r.getId(), new ProductData(r.getCode(), r.getName(), r.getProductGroup(), price, r.getActive()),
                r.getVersion());
    }
}
