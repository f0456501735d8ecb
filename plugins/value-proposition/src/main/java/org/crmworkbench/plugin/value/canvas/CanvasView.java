package org.crmworkbench.plugin.value.canvas;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.value.Catalogue;
import org.crmworkbench.plugin.value.ChangedMeanwhileException;
import org.crmworkbench.plugin.value.Controls;
import org.crmworkbench.plugin.value.Feedback;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.Texts;
import org.crmworkbench.plugin.value.ValuePermissions;
import org.crmworkbench.plugin.value.ValueViews;
import org.crmworkbench.plugin.value.argumentation.Argumentations;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The value proposition canvas editor (route {@code /value-proposition/canvas?id=}): the customer
 * profile per DMU role (jobs, pains ranked by severity, gains from required to unexpected) beside the
 * value map (products and services, pain relievers, gain creators); which reliever or creator answers
 * which pain or gain; the fit check and the one-sentence statement.
 */
@PermitAll
public class CanvasView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** The customer profile of all DMU roles, in the profile choice. */
    static final String ALL_ROLES = "";

    final H2 title = new H2();
    final Span fitBadge = new Span();
    final Paragraph scope = new Paragraph();
    final Div statement = new Div();
    final Select<CanvasItem> statementJob = new Select<>();
    final Select<CanvasItem> statementOffer = new Select<>();
    final Select<CanvasItem> statementAnswer = new Select<>();
    final Select<String> profile = new Select<>();
    final VerticalLayout customerSide = new VerticalLayout();
    final VerticalLayout valueSide = new VerticalLayout();
    final Div fitPanel = new Div();
    final Button editHead;
    final Button delete;
    private final PluginContext context;
    private final Canvases canvases;
    private Canvas current;
    private boolean rendering;

    public CanvasView(PluginContext context) {
        this.context = context;
        this.canvases = new Canvases(context.dsl(), context.clock(), context::requirePermission);
        setWidthFull();

        profile.setLabel(context.message("canvas.profile"));
        profile.setItems(Stream.concat(Stream.of(ALL_ROLES), Canvases.DMU_ROLES.stream()).toList());
        profile.setItemLabelGenerator(role -> role.isEmpty() ? context.message("canvas.all-roles") : context.message("dmu." + role.toLowerCase()));
        profile.setValue(ALL_ROLES);
        profile.addValueChangeListener(change -> render());

        for (var select : List.of(statementJob, statementOffer, statementAnswer)) {
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(context.message("statement.automatic"));
            select.setItemLabelGenerator(item -> item == null ? context.message("statement.automatic") : item.text());
            select.addValueChangeListener(change -> {
                if (!rendering && change.isFromClient()) {
                    change(v -> canvases.chooseStatement(current.id(), v, id(statementJob), id(statementOffer), id(statementAnswer),
                            Feedback.by(context)));
                }
            });
        }
        statementJob.setLabel(context.message("statement.job"));
        statementOffer.setLabel(context.message("statement.offer"));
        statementAnswer.setLabel(context.message("statement.answer"));

        editHead = new Button(context.message("canvas.edit-head"), VaadinIcon.EDIT.create(),
                click -> new CanvasHeadDialog(context, current, id -> reload()).open());
        delete = new Button(context.message("canvas.delete"), click -> confirmDelete());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        var heading = new HorizontalLayout(title, fitBadge);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        var statementChoices = new HorizontalLayout(statementJob, statementOffer, statementAnswer);
        statementChoices.setWrap(true);
        statement.setId("statement");
        statement.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-style", "italic")
                .set("border-left", "4px solid var(--lumo-primary-color)").set("padding", "0 var(--lumo-space-m)");
        var columns = new FlexLayout(customerSide, valueSide);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.setWidthFull();
        for (var side : List.of(customerSide, valueSide)) {
            side.setPadding(true);
            side.getStyle().set("flex", "1 1 26rem").set("border", "1px solid var(--lumo-contrast-20pct)")
                    .set("border-radius", "var(--lumo-border-radius-l)").set("margin", "var(--lumo-space-xs)");
        }
        customerSide.setId("customer-profile");
        valueSide.setId("value-map");
        fitPanel.setId("fit-check");
        add(new Anchor(ValueViews.CANVASES, context.message("canvas.back")), heading, scope, new HorizontalLayout(editHead, delete),
                new H3(context.message("statement.title")), statement, statementChoices, fitPanel, profile, columns);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        current = event.getLocation().getQueryParameters().getSingleParameter("id").flatMap(CanvasView::parse)
                .flatMap(canvases::find).orElse(null);
        render();
    }

    @Override
    public String getPageTitle() {
        return current == null ? context.message("canvas.not-found") : current.name();
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    void reload() {
        current = current == null ? null : canvases.find(current.id()).orElse(null);
        render();
    }

    private boolean editable() {
        return context.hasPermission(ValuePermissions.EDIT);
    }

    private void render() {
        rendering = true;
        try {
            boolean found = current != null;
            getChildren().skip(2).forEach(child -> child.setVisible(found));
            fitBadge.setVisible(found);
            if (!found) {
                title.setText(context.message("canvas.not-found"));
                return;
            }
            var texts = new Texts(context.locale());
            title.setText(current.name());
            var fit = FitCheck.of(current);
            fitBadge.setText(context.message(fit.fit() ? "fit.yes" : "fit.no"));
            fitBadge.getElement().setAttribute("theme", fit.fit() ? "badge success" : "badge error");
            String segment = current.accountId() != null ? current.accountName() : Argumentations.segmentName(current, texts);
            String audience = current.accountId() != null ? current.accountName() : current.name();
            scope.removeAll();
            if (current.accountId() != null) {
                scope.add(new Span(context.message("canvas.scope-account") + " "),
                        new Anchor("accounts/" + current.accountId(), current.accountName() == null ? "#" + current.accountId() : current.accountName()));
            } else {
                scope.setText(context.message("canvas.scope-segment", segment));
            }
            editHead.setVisible(editable());
            delete.setVisible(editable());

            var built = Statement.of(current, audience == null ? "" : audience, texts);
            statement.setText(built.complete() ? built.text()
                    : context.message("statement.incomplete", built.missing().stream().map(context::message).collect(Collectors.joining(", "))));
            fill(statementJob, current.items(ItemKind.JOB), current.statementJobId());
            fill(statementOffer, current.items(ItemKind.OFFER), current.statementOfferId());
            fill(statementAnswer, Stream.concat(current.items(ItemKind.RELIEVER).stream(), current.items(ItemKind.CREATOR).stream()).toList(),
                    current.statementAnswerId());

            renderFit(fit);
            String role = profile.getValue() == null || profile.getValue().isEmpty() ? null : profile.getValue();
            customerSide.removeAll();
            customerSide.add(new H3(context.message("canvas.customer-profile",
                    role == null ? context.message("canvas.all-roles") : context.message("dmu." + role.toLowerCase()))));
            customerSide.add(section(ItemKind.JOB, current.profile(ItemKind.JOB, role), role));
            customerSide.add(section(ItemKind.PAIN, current.profile(ItemKind.PAIN, role), role));
            customerSide.add(section(ItemKind.GAIN, current.profile(ItemKind.GAIN, role), role));
            valueSide.removeAll();
            valueSide.add(new H3(context.message("canvas.value-map")));
            for (var kind : List.of(ItemKind.OFFER, ItemKind.RELIEVER, ItemKind.CREATOR)) {
                valueSide.add(section(kind, current.items(kind), null));
            }
        } finally {
            rendering = false;
        }
    }

    private void fill(Select<CanvasItem> select, List<CanvasItem> items, Long chosen) {
        select.setItems(items);
        select.setValue(items.stream().filter(i -> Objects.equals(i.id(), chosen)).findFirst().orElse(null));
        select.setReadOnly(!editable());
    }

    private static Long id(Select<CanvasItem> select) {
        return select.getValue() == null ? null : select.getValue().id();
    }

    private void renderFit(FitCheck fit) {
        fitPanel.removeAll();
        if (fit.profiles().isEmpty()) {
            fitPanel.add(new Paragraph(context.message("fit.empty")));
            return;
        }
        fitPanel.add(new Paragraph(context.message(fit.fit() ? "fit.explained-yes" : "fit.explained-no", current.fitTop())));
        var list = new UnorderedList();
        for (var profileFit : fit.profiles()) {
            String name = profileFit.dmuRole() == null ? context.message("canvas.all-roles") : context.message("dmu." + profileFit.dmuRole().toLowerCase());
            String pains = names(profileFit.unansweredPains());
            String gains = names(profileFit.unansweredGains());
            list.add(new ListItem(context.message("fit.profile", name, pains, gains)));
        }
        fitPanel.add(list);
    }

    private String names(List<CanvasItem> items) {
        return items.isEmpty() ? context.message("fit.none") : items.stream().map(CanvasItem::text).collect(Collectors.joining("; "));
    }

    /** One part of the canvas: its items (with their answers) and a line to add one. */
    private Component section(ItemKind kind, List<CanvasItem> items, String role) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.add(new H4(context.message(kind.labelKey())));
        if (items.isEmpty()) {
            var none = new Span(context.message("canvas.none-" + kind.name().toLowerCase()));
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            box.add(none);
        }
        for (var item : items) {
            box.add(itemLine(item));
        }
        if (editable()) {
            box.add(addLine(kind, role));
        }
        return box;
    }

    private Component itemLine(CanvasItem item) {
        var line = new HorizontalLayout();
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWidthFull();
        line.addClassName("canvas-item");
        String tag = switch (item.kind()) {
            case JOB -> context.message(item.jobType().labelKey());
            case PAIN -> context.message("canvas.severity-short", item.severity());
            case GAIN -> context.message(item.gainLevel().labelKey());
            default -> null;
        };
        if (tag != null) {
            var badge = new Span(tag);
            badge.getElement().setAttribute("theme", "badge contrast small");
            badge.getStyle().set("flex-shrink", "0").set("white-space", "nowrap");
            line.add(badge);
        }
        var text = new Div(new Span(item.text()));
        text.getStyle().set("flex", "1 1 12rem").set("min-width", "10rem");
        line.add(text);
        if (item.kind().answeredBy() != null) {
            var answers = item.answeredBy().stream().map(current::item).flatMap(Optional::stream).map(CanvasItem::text).toList();
            var state = new Div(answers.isEmpty() ? context.message("canvas.unanswered") : "→ " + String.join("; ", answers));
            state.getStyle().set("color", answers.isEmpty() ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            text.add(state);
            if (editable()) {
                line.add(Controls.icon(context, VaadinIcon.LINK, "canvas.answers", () -> answersDialog(item)));
            }
        }
        if (editable()) {
            line.add(Controls.icon(context, VaadinIcon.EDIT, "canvas.edit-item", () -> editDialog(item)),
                    Controls.icon(context, VaadinIcon.TRASH, "canvas.delete-item",
                            () -> change(v -> canvases.deleteItem(current.id(), v, item.id(), Feedback.by(context)))));
        }
        return line;
    }

    /** The line under a part of the canvas that adds an item to it; Enter in the text adds too. */
    private Component addLine(ItemKind kind, String role) {
        var text = new TextField();
        text.setPlaceholder(context.message("canvas.add-" + kind.name().toLowerCase()));
        text.setAriaLabel(context.message("canvas.add-" + kind.name().toLowerCase()));
        text.setMaxLength(Canvases.MAX_TEXT);
        text.setWidth("16rem");
        var detail = detailField(kind, null);
        ComboBox<Catalogue.Product> product = null;
        if (kind == ItemKind.OFFER) {
            var catalogue = new Catalogue(context.dsl());
            product = new ComboBox<>();
            product.setPlaceholder(context.message("canvas.from-catalogue"));
            product.setAriaLabel(context.message("canvas.from-catalogue"));
            product.setItems(query -> catalogue.products(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream(),
                    query -> catalogue.count(query.getFilter().orElse("")));
            product.setItemLabelGenerator(Catalogue.Product::label);
            product.setClearButtonVisible(true);
        }
        var chosenProduct = product;
        var add = new Button(context.message("canvas.add"), VaadinIcon.PLUS.create());
        var line = new HorizontalLayout();
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWrap(true);
        line.add(text);
        detail.ifPresent(d -> line.add(d.field()));
        if (chosenProduct != null) {
            line.add(chosenProduct);
        }
        line.add(add);
        add.addClickListener(click -> {
            var input = input(kind, role, detail.map(d -> d.value()).orElse(null),
                    chosenProduct == null || chosenProduct.getValue() == null ? null : chosenProduct.getValue().id(), text.getValue());
            try {
                canvases.addItem(current.id(), current.version(), input, Feedback.by(context));
                reload();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, chosenProduct == null ? Map.of("text", text) : Map.of("text", text, "product", chosenProduct));
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                reload();
            }
        });
        add.addClickShortcut(Key.ENTER).listenOn(text);
        return line;
    }

    /** The field for what a job, pain or gain needs besides its text: job type, severity or level. */
    private Optional<Detail> detailField(ItemKind kind, CanvasItem item) {
        return switch (kind) {
            case JOB -> Optional.of(choice(List.of(JobType.values()), t -> context.message(t.labelKey()),
                    item == null ? JobType.FUNCTIONAL : item.jobType(), "canvas.job-type"));
            case PAIN -> Optional.of(choice(List.of(5, 4, 3, 2, 1), s -> context.message("canvas.severity." + s),
                    item == null ? 3 : item.severity(), "canvas.severity"));
            case GAIN -> Optional.of(choice(List.of(GainLevel.values()), l -> context.message(l.labelKey()),
                    item == null ? GainLevel.EXPECTED : item.gainLevel(), "canvas.gain-level"));
            default -> Optional.empty();
        };
    }

    private <T> Detail choice(List<T> items, com.vaadin.flow.component.ItemLabelGenerator<T> labels, T value, String labelKey) {
        var select = new Select<T>();
        select.setItems(items);
        select.setItemLabelGenerator(labels);
        select.setValue(value);
        select.setAriaLabel(context.message(labelKey));
        select.setWidth("10rem");
        return new Detail(select, select::getValue);
    }

    /** A detail field and how to read it. */
    private record Detail(Component field, java.util.function.Supplier<Object> reader) {

        Object value() {
            return reader.get();
        }
    }

    private static ItemInput input(ItemKind kind, String role, Object detail, Long productId, String text) {
        return new ItemInput(kind, role, detail instanceof JobType t ? t : null, detail instanceof Integer s ? s : null,
                detail instanceof GainLevel l ? l : null, productId, text);
    }

    private void editDialog(CanvasItem item) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message("canvas.edit-item"));
        var text = new TextField(context.message("canvas.text"));
        text.setValue(item.text());
        text.setMaxLength(Canvases.MAX_TEXT);
        text.setWidth("24rem");
        var detail = detailField(item.kind(), item);
        var role = new Select<String>();
        role.setLabel(context.message("canvas.profile"));
        role.setItems(Stream.concat(Stream.of(ALL_ROLES), Canvases.DMU_ROLES.stream()).toList());
        role.setItemLabelGenerator(r -> r.isEmpty() ? context.message("canvas.all-roles") : context.message("dmu." + r.toLowerCase()));
        role.setValue(item.dmuRole() == null ? ALL_ROLES : item.dmuRole());
        role.setVisible(item.kind().customerSide());
        var save = new Button(context.message("action.save"), click -> {
            try {
                canvases.updateItem(current.id(), current.version(), item.id(), input(item.kind(), role.getValue(),
                        detail.map(Detail::value).orElse(null), item.productId(), text.getValue()), Feedback.by(context));
                dialog.close();
                reload();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of("text", text));
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                dialog.close();
                reload();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var fields = new VerticalLayout(text);
        detail.ifPresent(d -> fields.add(d.field()));
        fields.add(role);
        dialog.add(fields);
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), save);
        dialog.open();
        text.focus();
    }

    private void answersDialog(CanvasItem item) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message("canvas.answers-title", item.text()));
        var choices = current.items(item.kind().answeredBy());
        var group = new CheckboxGroup<CanvasItem>();
        group.setLabel(context.message(item.kind() == ItemKind.PAIN ? "canvas.answers-relievers" : "canvas.answers-creators"));
        group.setItems(choices);
        group.setItemLabelGenerator(CanvasItem::text);
        group.setValue(choices.stream().filter(c -> item.answeredBy().contains(c.id())).collect(Collectors.toSet()));
        var save = new Button(context.message("action.save"), click -> {
            change(v -> canvases.answer(current.id(), v, item.id(), group.getValue().stream().map(CanvasItem::id).collect(Collectors.toSet()),
                    Feedback.by(context)));
            dialog.close();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(choices.isEmpty() ? new Paragraph(context.message(item.kind() == ItemKind.PAIN ? "canvas.no-relievers" : "canvas.no-creators"))
                : group);
        save.setEnabled(!choices.isEmpty());
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    /** Applies a change at the canvas's current version, then shows what is stored. */
    private void change(IntUnaryOperator action) {
        try {
            action.applyAsInt(current.version());
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of());
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            Feedback.changedMeanwhile(context);
        }
        reload();
    }

    private void confirmDelete() {
        Controls.confirm(context, "canvas.delete-title", context.message("canvas.delete-text", current.name()), "canvas.delete", true,
                () -> {
                    try {
                        canvases.delete(current.id(), current.version());
                        UI.getCurrent().navigate(ValueViews.CANVASES);
                    } catch (PermissionDeniedException e) {
                        Feedback.denied(context, e);
                    } catch (ChangedMeanwhileException e) {
                        Feedback.changedMeanwhile(context);
                        reload();
                    }
                });
    }
}
