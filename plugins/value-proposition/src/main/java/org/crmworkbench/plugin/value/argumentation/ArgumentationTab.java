package org.crmworkbench.plugin.value.argumentation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.interaction.Interactions;
import org.crmworkbench.plugin.value.Feedback;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.Texts;
import org.crmworkbench.plugin.value.ValuePermissions;
import org.crmworkbench.plugin.value.ValueViews;
import org.crmworkbench.plugin.value.canvas.CanvasInput;
import org.crmworkbench.plugin.value.canvas.Canvases;
import org.crmworkbench.plugin.value.motive.Motive;
import org.crmworkbench.plugin.value.motive.Motives;
import org.crmworkbench.plugin.value.sellogram.SellogramStatus;
import org.crmworkbench.plugin.value.sellogram.Sellograms;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The account tab "Value proposition": the buying motives of the account's contacts, and a sales
 * argumentation for the chosen DMU members and products, shown, downloadable as Markdown or HTML,
 * printable, and logged as an interaction when sent; plus the canvas that speaks for the account.
 */
class ArgumentationTab extends VerticalLayout {

    /** At most this many published sellograms are offered to argue for. */
    static final int SELLOGRAMS_OFFERED = 500;

    final Grid<Argumentation.Member> dmu = new Grid<>();
    final MultiSelectComboBox<Sellograms.Listing> products = new MultiSelectComboBox<>();
    final Button build;
    final Div preview = new Div();
    final HorizontalLayout exports = new HorizontalLayout();
    final Button logSent;
    final Div canvasPart = new Div();
    private final PluginContext context;
    private final AccountRef account;
    private final Argumentations argumentations;
    private Argumentation built;

    ArgumentationTab(AccountRef account, PluginContext context) {
        this.context = context;
        this.account = account;
        this.argumentations = new Argumentations(context.dsl(), context.clock());
        setPadding(false);
        var texts = new Texts(context.locale());
        var motives = new Motives(context.dsl()).list(false);
        var active = motives.stream().filter(Motive::active).toList();

        dmu.setSelectionMode(Grid.SelectionMode.MULTI);
        dmu.addColumn(Argumentation.Member::name).setHeader(context.message("tab.contact")).setFlexGrow(2);
        dmu.addColumn(m -> m.dmuRole() == null ? "" : context.message("dmu." + m.dmuRole().toLowerCase())).setHeader(context.message("tab.role"))
                .setAutoWidth(true);
        dmu.addColumn(m -> m.jobTitle() == null ? "" : m.jobTitle()).setHeader(context.message("tab.job-title")).setFlexGrow(1);
        dmu.addComponentColumn(member -> motivesField(member, motives, active)).setHeader(context.message("tab.motives")).setFlexGrow(3);
        var members = argumentations.dmu(account.id(), texts);
        dmu.setItems(members);
        dmu.setAllRowsVisible(true);
        // DMU members with recorded motives are chosen to start with
        dmu.asMultiSelect().select(members.stream().filter(m -> m.dmuRole() != null && !m.motiveIds().isEmpty()).toList());
        var noContacts = new Paragraph(context.message("tab.no-contacts"));
        boolean anyContacts = !members.isEmpty();
        noContacts.setVisible(!anyContacts);
        dmu.setVisible(anyContacts);

        var sellograms = new Sellograms(context.dsl(), context.clock());
        var published = sellograms.search(new Sellograms.Search(null, null, SellogramStatus.PUBLISHED), context.locale(), 0, SELLOGRAMS_OFFERED);
        products.setLabel(context.message("tab.products"));
        products.setItems(published);
        products.setItemLabelGenerator(Sellograms.Listing::subjectName);
        products.setWidth("36rem");
        products.setHelperText(context.message(published.isEmpty() ? "tab.no-published" : "tab.products-help"));

        build = new Button(context.message("tab.build"), VaadinIcon.FILE_TEXT_O.create(), click -> build());
        build.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        logSent = new Button(context.message("tab.log-sent"), VaadinIcon.ENVELOPE_O.create(), click -> logSent());
        exports.setVisible(false);
        exports.setAlignItems(FlexComponent.Alignment.BASELINE);
        preview.setId("argumentation-preview");
        preview.setVisible(false);
        preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("max-width", "60rem");

        renderCanvasPart();
        add(new H3(context.message("tab.dmu-title")), new Paragraph(context.message("tab.dmu-intro")), noContacts, dmu,
                new H3(context.message("tab.argumentation-title")), products, build, exports, preview,
                new H3(context.message("tab.canvas-title")), canvasPart);
    }

    private Component motivesField(Argumentation.Member member, List<Motive> all, List<Motive> active) {
        var field = new MultiSelectComboBox<Motive>();
        var choices = all.stream().filter(m -> m.active() || member.motiveIds().contains(m.id())).toList();
        field.setItems(choices);
        field.setItemLabelGenerator(m -> m.name(context.locale()));
        field.setValue(choices.stream().filter(m -> member.motiveIds().contains(m.id())).collect(Collectors.toSet()));
        field.setAriaLabel(context.message("tab.motives-of", member.name()));
        field.setWidthFull();
        field.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                argumentations.setMotives(account.id(), member.contactId(), change.getValue().stream().map(Motive::id).collect(Collectors.toSet()));
                Feedback.success(context.message("tab.motives-saved", member.name()));
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of());
            }
        });
        return field;
    }

    void build() {
        var chosen = dmu.getSelectedItems();
        if (chosen.isEmpty() || products.getValue().isEmpty()) {
            Feedback.error(context.message("tab.choose-first"));
            return;
        }
        var texts = new Texts(context.locale());
        try {
            built = argumentations.build(account.id(), chosen.stream().map(Argumentation.Member::contactId).toList(),
                    products.getValue().stream().sorted(java.util.Comparator.comparing(Sellograms.Listing::subjectName))
                            .map(Sellograms.Listing::id).toList(), texts);
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of());
            return;
        }
        renderPreview(built);
        String markdown = Documents.markdown(built, texts);
        String html = Documents.html(built, texts);
        var md = new Anchor(download(Documents.fileName(built, "md"), "text/markdown; charset=UTF-8", markdown, false),
                context.message("tab.download-md"));
        var page = new Anchor(download(Documents.fileName(built, "html"), "text/html; charset=UTF-8", html, false),
                context.message("tab.download-html"));
        var print = new Anchor(download(Documents.fileName(built, "html"), "text/html; charset=UTF-8", html, true),
                context.message("tab.print"));
        print.setTarget(AnchorTarget.BLANK);
        md.setId("download-markdown");
        page.setId("download-html");
        print.setId("print-page");
        exports.removeAll();
        exports.add(print, md, page, logSent);
        exports.setVisible(true);
        logSent.setEnabled(true);
    }

    private static DownloadHandler download(String fileName, String contentType, String content, boolean inline) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return event -> {
            if (inline) {
                event.inline(fileName);
            } else {
                event.setFileName(fileName);
            }
            event.setContentType(contentType);
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        };
    }

    private void renderPreview(Argumentation a) {
        preview.removeAll();
        preview.setVisible(true);
        var texts = new Texts(context.locale());
        preview.add(new H4(texts.get("document.title", a.accountName())));
        if (a.canvas() != null && a.canvas().statement() != null) {
            var statement = new Paragraph(a.canvas().statement());
            statement.getStyle().set("font-style", "italic");
            preview.add(statement);
        }
        var members = new UnorderedList();
        a.members().forEach(m -> members.add(new ListItem(m.name() + ": "
                + (m.motives().isEmpty() ? texts.get("document.no-motives") : String.join(", ", m.motives())))));
        preview.add(members);
        if (a.sections().isEmpty()) {
            preview.add(new Paragraph(texts.get("document.no-benefits")));
        }
        for (var section : a.sections()) {
            preview.add(new H4(section.motive()));
            var list = new UnorderedList();
            for (var benefit : section.benefits()) {
                var strong = new Span(benefit.benefit());
                strong.getStyle().set("font-weight", "600");
                var why = new Div(texts.get("document.because", benefit.feature(), benefit.advantage(), benefit.subject()));
                var who = new Div(texts.get("document.for", String.join(", ", benefit.forMembers())));
                why.getStyle().set("font-size", "var(--lumo-font-size-s)");
                who.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
                list.add(new ListItem(strong, why, who));
            }
            preview.add(list);
        }
    }

    void logSent() {
        if (built == null) {
            return;
        }
        var texts = new Texts(context.locale());
        String summary = texts.get("interaction.summary", String.join(", ", built.subjects()),
                built.sections().stream().map(Argumentation.Section::motive).collect(Collectors.joining(", ")), built.benefitCount());
        Set<Long> contacts = new HashSet<>(built.members().stream().map(Argumentation.Member::contactId).toList());
        try {
            context.interactions().log(account.id(), contacts, Interactions.Kind.EMAIL,
                    summary.length() > 2_000 ? summary.substring(0, 1_999) + "…" : summary);
            Feedback.success(context.message("tab.logged"));
            logSent.setEnabled(false);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            Feedback.error(context.message("tab.log-failed"));
        }
    }

    private void renderCanvasPart() {
        canvasPart.removeAll();
        var canvases = new Canvases(context.dsl(), context.clock(), context::requirePermission);
        // forAccount prefers the account's own canvas over a segment canvas
        var speaking = canvases.forAccount(account.id()).flatMap(canvases::find);
        if (speaking.isPresent() && java.util.Objects.equals(speaking.get().accountId(), account.id())) {
            canvasPart.add(new Paragraph(context.message("tab.canvas-own")), canvasLink(speaking.get().id(), speaking.get().name()));
            return;
        }
        if (speaking.isPresent()) {
            canvasPart.add(new Paragraph(context.message("tab.canvas-segment")), canvasLink(speaking.get().id(), speaking.get().name()));
        } else {
            canvasPart.add(new Paragraph(context.message("tab.canvas-none")));
        }
        if (context.hasPermission(ValuePermissions.EDIT)) {
            var create = new Button(context.message("tab.canvas-create"), VaadinIcon.PLUS.create(), click -> {
                try {
                    long id = canvases.create(new CanvasInput(account.name(), account.id(), null, null, null, 3), Feedback.by(context));
                    UI.getCurrent().navigate(ValueViews.CANVAS, QueryParameters.of("id", String.valueOf(id)));
                } catch (InputRejectedException e) {
                    Feedback.rejected(context, e, Map.of());
                    renderCanvasPart();
                }
            });
            canvasPart.add(create);
        }
    }

    private static Anchor canvasLink(long id, String name) {
        return new Anchor(ValueViews.CANVAS + "?id=" + id, name);
    }
}
