package org.crmworkbench.plugin.value.canvas;

import java.util.List;

/**
 * Which pains and gains no reliever or creator answers yet, per customer profile. A profile fits when
 * its top-ranked pains and its top-ranked gains ({@code fitTop} of each) are all answered; a canvas
 * fits when it has pains or gains and every profile fits.
 */
public record FitCheck(List<ProfileFit> profiles) {

    /**
     * @param dmuRole          the profile, null for all roles
     * @param unansweredPains  every pain without an answer, in rank order
     * @param unansweredGains  every gain without an answer, in rank order
     * @param uncoveredTop     the top-ranked pains and gains without an answer: what stands in the way of a fit
     */
    public record ProfileFit(String dmuRole, List<CanvasItem> unansweredPains, List<CanvasItem> unansweredGains,
                             List<CanvasItem> uncoveredTop) {

        public boolean fit() {
            return uncoveredTop.isEmpty();
        }
    }

    public static FitCheck of(Canvas canvas) {
        return new FitCheck(canvas.profiles().stream()
                .filter(role -> !canvas.profile(ItemKind.PAIN, role).isEmpty() || !canvas.profile(ItemKind.GAIN, role).isEmpty())
                .map(role -> {
                    var pains = canvas.profile(ItemKind.PAIN, role);
                    var gains = canvas.profile(ItemKind.GAIN, role);
                    var top = java.util.stream.Stream.concat(pains.stream().limit(canvas.fitTop()), gains.stream().limit(canvas.fitTop()))
                            .filter(i -> !i.answered()).toList();
                    return new ProfileFit(role, pains.stream().filter(i -> !i.answered()).toList(),
                            gains.stream().filter(i -> !i.answered()).toList(), top);
                }).toList());
    }

    public boolean fit() {
        return !profiles.isEmpty() && profiles.stream().allMatch(ProfileFit::fit);
    }

    public List<CanvasItem> unansweredPains() {
        return profiles.stream().flatMap(p -> p.unansweredPains().stream()).toList();
    }

    public List<CanvasItem> unansweredGains() {
        return profiles.stream().flatMap(p -> p.unansweredGains().stream()).toList();
    }
}
