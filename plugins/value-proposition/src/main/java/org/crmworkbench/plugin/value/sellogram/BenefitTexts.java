package org.crmworkbench.plugin.value.sellogram;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.text.ReusableText;
import org.crmworkbench.api.text.ReusableTextContribution;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.pf4j.Extension;

import java.util.List;

import static org.crmworkbench.api.coreviews.Tables.V_PRODUCTS;
import static org.crmworkbench.plugin.value.jooq.Tables.SELLOGRAM;
import static org.crmworkbench.plugin.value.jooq.Tables.SELLOGRAM_ROW;

/**
 * Offers the customer benefits of the published sellograms to the other plugins, e.g. for a tender
 * answer: one text per row with a benefit, titled by the product or service (and the row's feature),
 * by product or service then row position.
 */
@Extension
public class BenefitTexts implements ReusableTextContribution {

    @Override
    public List<ReusableText> texts(String search, int limit, PluginContext context) {
        if (limit < 1) {
            return List.of();
        }
        var subject = Sellograms.subjectName();
        return context.dsl().select(SELLOGRAM_ROW.ID, subject, SELLOGRAM_ROW.FEATURE, SELLOGRAM_ROW.BENEFIT, SELLOGRAM.REVISION)
                .from(SELLOGRAM_ROW).join(SELLOGRAM).on(SELLOGRAM.ID.eq(SELLOGRAM_ROW.SELLOGRAM_ID))
                .leftJoin(V_PRODUCTS).on(V_PRODUCTS.ID.eq(SELLOGRAM.PRODUCT_ID))
                .where(SELLOGRAM.STATUS.eq(SellogramStatus.PUBLISHED.name()))
                .and(DSL.trim(SELLOGRAM_ROW.BENEFIT).ne(""))
                .and(matching(search))
                .orderBy(subject, SELLOGRAM.ID, SELLOGRAM_ROW.POSITION)
                .limit(limit)
                .fetch(r -> {
                    String feature = r.value3().strip();
                    String title = feature.isEmpty() ? r.value2() : r.value2() + " — " + feature;
                    return new ReusableText(context.pluginId() + ".row-" + r.value1(), title, r.value4().strip(),
                            context.message("texts.source", r.value2(), r.value5()));
                });
    }

    private static Condition matching(String search) {
        if (search == null || search.isBlank()) {
            return DSL.noCondition();
        }
        String text = search.strip();
        return SELLOGRAM_ROW.BENEFIT.containsIgnoreCase(text).or(SELLOGRAM_ROW.FEATURE.containsIgnoreCase(text))
                .or(SELLOGRAM_ROW.ADVANTAGE.containsIgnoreCase(text)).or(V_PRODUCTS.NAME.containsIgnoreCase(text))
                .or(SELLOGRAM.SERVICE_NAME.containsIgnoreCase(text));
    }
}
