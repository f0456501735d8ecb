package org.crmworkbench.plugin.chain.map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.chain.ChainPermissions;
import org.crmworkbench.plugin.chain.ChainViews;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.Controls;
import org.crmworkbench.plugin.chain.Feedback;
import org.crmworkbench.plugin.chain.Formats;
import org.crmworkbench.plugin.chain.role.RolesDialog;
import org.crmworkbench.plugin.chain.transfer.ImportLinksDialog;
import org.crmworkbench.plugin.chain.trend.TrendsPanel;


/**
 * The chain map of a product group (route {@code /wholesale-chain/map?group=}): the diagram, the links
 * (paged in SQL) with the roles we play in each, and the trend checklist; links are added, changed,
 * deleted and imported here, and each link's roles recorded.
 */
@PermitAll
public class ChainMapView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int DIAGRAM_LINKS = 40;

    final Select<String> group = new Select<>();
    final Div diagram = new Div();
    final Paragraph diagramNote = new Paragraph();
    final Grid<Link> links = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Div trends = new Div();
    final Button add;
    final Button importButton;
    private final PluginContext context;
    private final Chains chains;

    public ChainMapView(PluginContext context) {
        this.context = context;
        this.chains = new Chains(context.dsl(), context.clock(), context::requirePermission);
        var locale = context.locale();
        boolean editor = context.hasPermission(ChainPermissions.EDIT);
        group.setLabel(context.message("map.group"));
        group.setItems(chains.groups());
        group.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                UI.getCurrent().navigate(ChainViews.MAP, QueryParameters.of("group", change.getValue()));
            }
        });
        add = new Button(context.message("link.add"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(editor);
        importButton = new Button(context.message("import.button"), VaadinIcon.UPLOAD.create(),
                click -> new ImportLinksDialog(context, this::refresh).open());
        importButton.setVisible(editor);
        var bar = new HorizontalLayout(group, add, importButton);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        diagram.setId("chain-diagram");
        diagram.setWidthFull();
        links.addColumn(l -> name(l.from())).setHeader(context.message("link.from")).setFlexGrow(2);
        links.addColumn(l -> context.message(l.kind().forwardKey())).setHeader(context.message("link.kind")).setAutoWidth(true);
        links.addColumn(l -> name(l.to())).setHeader(context.message("link.to")).setFlexGrow(2);
        links.addColumn(l -> period(l)).setHeader(context.message("link.period")).setAutoWidth(true);
        links.addColumn(l -> Formats.number(l.volume(), locale)).setHeader(context.message("link.volume")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        links.addColumn(l -> Formats.euros(l.revenue(), locale)).setHeader(context.message("link.revenue")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        links.addComponentColumn(l -> RoleBadges.of(context, l)).setHeader(context.message("link.roles")).setAutoWidth(true);
        if (editor) {
            links.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        }
        links.setHeight("24rem");
        add(new H2(context.message("map.title")), new Paragraph(context.message("map.intro")), bar, empty, diagram, diagramNote, links,
                new H3(context.message("trends.title")), new Paragraph(context.message("trends.intro")), trends);
    }

    @Override
    public String getPageTitle() {
        return context.message("map.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var groups = chains.groups();
        var asked = event.getLocation().getQueryParameters().getSingleParameter("group").filter(groups::contains);
        group.setValue(asked.orElse(chains.firstGroupWithLinks().orElse(groups.isEmpty() ? null : groups.getFirst())));
        refresh();
    }

    void refresh() {
        String current = group.getValue();
        trends.removeAll();
        if (current == null) {
            empty.setText(context.message("map.no-groups"));
            empty.setVisible(true);
            diagram.setVisible(false);
            links.setVisible(false);
            return;
        }
        int count = chains.count(current);
        links.setItems(query -> chains.links(current, query.getOffset(), query.getLimit()).stream(), query -> count);
        empty.setText(context.message("map.empty", current));
        empty.setVisible(count == 0);
        links.setVisible(count > 0);
        diagram.setVisible(count > 0);
        diagram.removeAll();
        if (count > 0) {
            var shown = chains.largest(current, DIAGRAM_LINKS);
            diagram.add(new Html(ChainDiagram.svg(shown, context.message("party.us"), context.message("map.diagram-title", current), this::describe)));
        }
        diagramNote.setText(context.message("map.diagram-more", DIAGRAM_LINKS, count));
        diagramNote.setVisible(count > DIAGRAM_LINKS);
        trends.add(new TrendsPanel(context, current));
    }

    private String name(Party party) {
        return party.us() ? context.message("party.us") : party.name() == null ? context.message("party.unknown") : party.name();
    }

    private String describe(Link link) {
        return context.message("map.edge", name(link.from()), context.message(link.kind().forwardKey()), name(link.to()),
                Formats.euros(link.revenue(), context.locale()));
    }

    private String period(Link link) {
        var locale = context.locale();
        if (link.start() == null && link.end() == null) {
            return "";
        }
        return Formats.date(link.start(), locale) + " – " + Formats.date(link.end(), locale);
    }

    private Component actions(Link link) {
        var roles = Controls.icon(context, VaadinIcon.USER_STAR, "link.roles-edit",
                () -> new RolesDialog(context, link, describe(link), this::refresh).open());
        roles.setVisible(link.ours()); // roles are ours to play: a supplier's direct link has none
        return new HorizontalLayout(roles,
                Controls.icon(context, VaadinIcon.EDIT, "link.edit", () -> edit(link)),
                Controls.icon(context, VaadinIcon.TRASH, "link.delete", () -> Controls.confirmDelete(context, "link.delete-title",
                        context.message("link.delete-text", describe(link)), "link.delete", () -> {
                            try {
                                chains.delete(link.id(), link.version());
                            } catch (PermissionDeniedException e) {
                                Feedback.denied(context, e);
                            } catch (ChangedMeanwhileException e) {
                                Feedback.changedMeanwhile(context);
                            }
                            refresh();
                        })));
    }

    void edit(Link link) {
        new LinkDialog(context, chains, chains.groups(), group.getValue(), link, () -> {
            String shown = group.getValue();
            group.setItems(chains.groups());
            group.setValue(shown);
            refresh();
        }).open();
    }
}
