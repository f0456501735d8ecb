package org.crmworkbench.plugin.chain.map;

/**
 * One side of a chain link: a core account, or our own company ({@code accountId} null).
 *
 * @param supplier whether the account is marked as a supplier (upstream)
 */
public record Party(Long accountId, String name, boolean supplier) {

    public boolean us() {
        return accountId == null;
    }
}
