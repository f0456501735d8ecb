package org.crmworkbench.plugin.value.sellogram;

/**
 * What a sellogram is about: a product of the core catalogue or a free-text service.
 *
 * @param productId   id in {@code crm_core.v_products}, or null for a service
 * @param serviceName the service, or null for a product
 */
public record Subject(Long productId, String serviceName) {

    public Subject {
        if ((productId == null) == (serviceName == null)) {
            throw new IllegalArgumentException("a subject is either a product or a service");
        }
        serviceName = serviceName == null ? null : serviceName.strip();
    }

    public static Subject product(long productId) {
        return new Subject(productId, null);
    }

    public static Subject service(String name) {
        return new Subject(null, name);
    }
}
