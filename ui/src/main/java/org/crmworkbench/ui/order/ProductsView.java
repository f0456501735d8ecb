package org.crmworkbench.ui.order;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.order.Product;
import org.crmworkbench.core.order.ProductService;
import org.crmworkbench.ui.opportunity.Money;
import org.crmworkbench.core.security.CurrentUser;

import java.util.Locale;
import org.crmworkbench.ui.editing.MaxLength;

/** The products catalogue at {@code /products}: everyone searches it, MANAGER and ADMIN add and change products. */
@Route("products")
@PermitAll
public class ProductsView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Checkbox activeOnly = new Checkbox();
    final Grid<Product> grid = new Grid<>();
    final Button add = new Button();
    final Paragraph empty = new Paragraph();

    public ProductsView(ProductService products, CurrentUser currentUser) {
        UserRef user = currentUser.user().orElseThrow();
        setSizeFull();
        Locale locale = getLocale();
        var money = Money.format(locale);
        search.setPlaceholder(getTranslation("products.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        MaxLength.of(search, 100);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        activeOnly.setLabel(getTranslation("products.active-only"));
        activeOnly.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add.setText(getTranslation("products.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(ProductService.mayMaintain(user));
        add.addClickListener(click -> new ProductDialog(products, null, user, grid.getDataProvider()::refreshAll).open());

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(p -> p.data().code()).setHeader(getTranslation("product.code")).setAutoWidth(true);
        grid.addColumn(p -> p.data().name()).setHeader(getTranslation("product.name")).setFlexGrow(3);
        grid.addColumn(p -> p.data().productGroup()).setHeader(getTranslation("product.group"));
        grid.addColumn(p -> p.data().listPrice() == null ? "—" : money.format(p.data().listPrice()))
                .setHeader(getTranslation("product.list-price")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> getTranslation(p.data().active() ? "product.active" : "product.inactive"))
                .setHeader(getTranslation("product.status"));
        grid.setItems(query -> products.page(search.getValue(), activeOnly.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = products.count(search.getValue(), activeOnly.getValue());
                    empty.setVisible(count == 0);
                    return count;
                });
        if (ProductService.mayMaintain(user)) {
            grid.addItemClickListener(click ->
                    new ProductDialog(products, click.getItem(), user, grid.getDataProvider()::refreshAll).open());
        }
        empty.setText(getTranslation("products.empty"));
        var bar = new HorizontalLayout(search, activeOnly, add);
        bar.setWidthFull();
        bar.expand(search);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("nav.products")), bar, empty, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.products") + " | " + getTranslation("app.name");
    }
}
