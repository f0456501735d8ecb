package org.crmworkbench.plugin.chain.map;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The editable fields of a chain link.
 *
 * @param productGroup the chain, e.g. a product group of the catalogue; required, at most 100 characters
 * @param fromAccount  the first party, null for our own company
 * @param toAccount    the second party, null for our own company; not both null, not the same
 * @param kind         what the relation is
 * @param start        when it started; optional
 * @param end          when it ended or ends; optional, not before the start
 * @param volume       yearly volume (units); optional, not negative
 * @param revenue      yearly revenue in euro; optional, not negative
 * @param note         at most 500 characters
 */
public record LinkInput(String productGroup, Long fromAccount, Long toAccount, LinkKind kind, LocalDate start, LocalDate end,
                        BigDecimal volume, BigDecimal revenue, String note) {
}
