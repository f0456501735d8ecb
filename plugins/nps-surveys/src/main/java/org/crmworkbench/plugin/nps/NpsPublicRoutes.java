package org.crmworkbench.plugin.nps;

import org.crmworkbench.api.view.PublicRouteContribution;
import org.crmworkbench.plugin.nps.answer.AnonymousAnswerView;
import org.crmworkbench.plugin.nps.answer.AnswerView;
import org.crmworkbench.plugin.nps.campaign.Distribution;
import org.pf4j.Extension;

import java.util.List;

/**
 * The answer pages without login: {@code /public/nps-surveys/answer/<token>} for a personal link and
 * {@code /public/nps-surveys/open/<token>} for a campaign's anonymous link.
 */
@Extension
public class NpsPublicRoutes implements PublicRouteContribution {

    @Override
    public List<PublicRoute> publicRoutes() {
        return List.of(new PublicRoute(Distribution.ANSWER_PATH, AnswerView.class),
                new PublicRoute(Distribution.ANONYMOUS_PATH, AnonymousAnswerView.class));
    }
}
