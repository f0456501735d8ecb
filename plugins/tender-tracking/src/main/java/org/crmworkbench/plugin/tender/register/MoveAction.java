package org.crmworkbench.plugin.tender.register;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.Controls;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.InputRejectedException;

import java.util.Map;

/**
 * Moving a tender to another status from the editor or the board: lost asks for the reason, won for a
 * confirmation (the authority becomes a customer); refusals and conflicts are told, then {@code after} runs.
 */
final class MoveAction {

    private MoveAction() {
    }

    static void run(PluginContext context, Tenders tenders, Tender tender, TenderStatus to, Runnable after) {
        if (to == TenderStatus.LOST) {
            askLostReason(context, tenders, tender, after);
        } else if (to == TenderStatus.WON) {
            Controls.confirm(context, "tender.won-title", context.message("tender.won-text", tender.authorityName()), "status.won", false,
                    () -> apply(context, tenders, tender, to, null, after));
        } else {
            apply(context, tenders, tender, to, null, after);
        }
    }

    private static void askLostReason(PluginContext context, Tenders tenders, Tender tender, Runnable after) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message("tender.lost-title"));
        var reason = new Select<LostReason>();
        reason.setLabel(context.message("tender.lost-reason"));
        reason.setItems(LostReason.values());
        reason.setItemLabelGenerator(r -> context.message(r.labelKey()));
        var ok = new Button(context.message("status.lost"), click -> {
            if (reason.getValue() == null) {
                reason.setErrorMessage(context.message("tender.error.lost-reason"));
                reason.setInvalid(true);
                return;
            }
            dialog.close();
            apply(context, tenders, tender, TenderStatus.LOST, reason.getValue(), after);
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), ok);
        dialog.open();
        reason.focus();
    }

    private static void apply(PluginContext context, Tenders tenders, Tender tender, TenderStatus to, LostReason reason, Runnable after) {
        try {
            tenders.move(tender.id(), tender.version(), to, reason, Feedback.by(context));
            Feedback.success(context.message("tender.moved", context.message(to.labelKey())));
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of());
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            Feedback.changedMeanwhile(context);
        }
        after.run();
    }
}
