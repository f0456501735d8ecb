package org.crmworkbench.plugin.tender.register;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.Controls;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.InputRejectedException;

import java.util.Map;

/** A tender's lots (each with its value and status), its documents as versioned links, and the bid team. */
final class PartsPanel extends VerticalLayout {

    final Grid<TenderParts.Lot> lots = new Grid<>();
    final TextField lotTitle = new TextField();
    final BigDecimalField lotValue = new BigDecimalField();
    final Select<TenderParts.LotStatus> lotStatus = new Select<>();
    final Grid<TenderParts.Document> documents = new Grid<>();
    final TextField docTitle = new TextField();
    final TextField docUrl = new TextField();
    final TextField docVersion = new TextField();
    final Grid<TenderParts.Member> team = new Grid<>();
    final ComboBox<Authorities.User> member = new ComboBox<>();
    final TextField role = new TextField();
    private final PluginContext context;
    private final TenderParts parts;
    private final long tenderId;

    PartsPanel(PluginContext context, long tenderId, String currency, boolean editor) {
        this.context = context;
        this.tenderId = tenderId;
        this.parts = new TenderParts(context.dsl(), context.clock(), context::requirePermission);
        setPadding(false);
        var locale = context.locale();

        lots.addColumn(TenderParts.Lot::number).setHeader(context.message("lot.number")).setAutoWidth(true).setFlexGrow(0);
        lots.addColumn(TenderParts.Lot::title).setHeader(context.message("lot.title")).setFlexGrow(3);
        lots.addColumn(l -> Formats.money(l.value(), currency, locale)).setHeader(context.message("lot.value")).setAutoWidth(true);
        lots.addColumn(l -> context.message(l.status().labelKey())).setHeader(context.message("lot.status")).setAutoWidth(true);
        lotTitle.setPlaceholder(context.message("lot.title"));
        lotTitle.setAriaLabel(context.message("lot.title"));
        lotValue.setPlaceholder(context.message("lot.value"));
        lotValue.setAriaLabel(context.message("lot.value"));
        lotStatus.setItems(TenderParts.LotStatus.values());
        lotStatus.setItemLabelGenerator(s -> context.message(s.labelKey()));
        lotStatus.setValue(TenderParts.LotStatus.OPEN);
        lotStatus.setAriaLabel(context.message("lot.status"));
        var addLot = new Button(context.message("lot.add"), VaadinIcon.PLUS.create(), click -> addLot());
        lotTitle.addKeyPressListener(Key.ENTER, enter -> addLot());

        documents.addComponentColumn(d -> new Anchor(d.url(), d.title(), com.vaadin.flow.component.html.AnchorTarget.BLANK))
                .setHeader(context.message("document.title")).setFlexGrow(3);
        documents.addColumn(TenderParts.Document::version).setHeader(context.message("document.version")).setAutoWidth(true);
        documents.addColumn(d -> d.ownerName() == null ? "" : d.ownerName()).setHeader(context.message("document.owner")).setAutoWidth(true);
        docTitle.setPlaceholder(context.message("document.title"));
        docTitle.setAriaLabel(context.message("document.title"));
        docUrl.setPlaceholder("https://");
        docUrl.setAriaLabel(context.message("document.url"));
        docUrl.setWidth("20rem");
        docVersion.setPlaceholder(context.message("document.version"));
        docVersion.setAriaLabel(context.message("document.version"));
        docVersion.setWidth("7rem");
        var addDocument = new Button(context.message("document.add"), VaadinIcon.PLUS.create(), click -> addDocument());

        team.addColumn(TenderParts.Member::name).setHeader(context.message("team.member")).setFlexGrow(2);
        team.addColumn(TenderParts.Member::role).setHeader(context.message("team.role")).setFlexGrow(2);
        member.setItems(new Authorities(context.dsl()).activeUsers());
        member.setItemLabelGenerator(Authorities.User::name);
        member.setPlaceholder(context.message("team.member"));
        member.setAriaLabel(context.message("team.member"));
        role.setPlaceholder(context.message("team.role"));
        role.setAriaLabel(context.message("team.role"));
        role.setMaxLength(60);
        var addMember = new Button(context.message("team.add"), VaadinIcon.PLUS.create(), click -> addMember());
        if (editor) {
            lots.addComponentColumn(l -> Controls.icon(context, VaadinIcon.TRASH, "lot.delete", () -> {
                parts.deleteLot(tenderId, l.id());
                refresh();
            })).setAutoWidth(true).setFlexGrow(0);
            documents.addComponentColumn(d -> Controls.icon(context, VaadinIcon.TRASH, "document.delete", () -> {
                parts.deleteDocument(tenderId, d.id());
                refresh();
            })).setAutoWidth(true).setFlexGrow(0);
            team.addComponentColumn(m -> Controls.icon(context, VaadinIcon.TRASH, "team.remove", () -> {
                parts.removeMember(tenderId, m.userId());
                refresh();
            })).setAutoWidth(true).setFlexGrow(0);
        }
        for (var grid : new Grid<?>[]{lots, documents, team}) {
            grid.setAllRowsVisible(true);
        }
        add(new H4(context.message("lot.heading")), lots);
        if (editor) {
            add(row(lotTitle, lotValue, lotStatus, addLot));
        }
        add(new H4(context.message("document.heading")), documents);
        if (editor) {
            add(row(docTitle, docUrl, docVersion, addDocument));
        }
        add(new H4(context.message("team.heading")), team);
        if (editor) {
            add(row(member, role, addMember));
        }
        refresh();
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        var row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    void addLot() {
        if (Feedback.unreadable(context, lotValue)) {
            return;
        }
        try {
            parts.saveLot(tenderId, null, lotTitle.getValue(), lotValue.getValue(), lotStatus.getValue());
            lotTitle.clear();
            lotValue.clear();
            refresh();
            lotTitle.focus();
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of("title", lotTitle, "value", lotValue, "status", lotStatus));
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            gone();
        }
    }

    void addDocument() {
        try {
            parts.addDocument(tenderId, docTitle.getValue(), docUrl.getValue(), docVersion.getValue(),
                    context.currentUser().map(u -> u.id()).filter(id -> id > 0).orElse(null));
            docTitle.clear();
            docUrl.clear();
            docVersion.clear();
            refresh();
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of("title", docTitle, "url", docUrl, "version", docVersion));
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            gone();
        }
    }

    void addMember() {
        if (member.getValue() == null) {
            member.setErrorMessage(context.message("team.error.user"));
            member.setInvalid(true);
            return;
        }
        try {
            parts.putMember(tenderId, member.getValue().id(), role.getValue());
            member.clear();
            role.clear();
            refresh();
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of("user", member, "role", role));
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            gone();
        }
    }

    private void gone() {
        Feedback.changedMeanwhile(context);
        refresh();
    }

    private void refresh() {
        lots.setItems(parts.lots(tenderId));
        documents.setItems(parts.documents(tenderId));
        team.setItems(parts.team(tenderId));
    }
}
