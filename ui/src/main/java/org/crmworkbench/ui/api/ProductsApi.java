package org.crmworkbench.ui.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmworkbench.core.order.Product;
import org.crmworkbench.core.order.ProductData;
import org.crmworkbench.core.order.ProductService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

import static org.crmworkbench.ui.api.ApiSupport.DEFAULT_SIZE;

/** The product catalogue: everyone reads it, MANAGER and ADMIN maintain it (403 for others). */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "products")
class ProductsApi {

    private final ProductService products;
    private final ApiSupport api;

    ProductsApi(ProductService products, ApiSupport api) {
        this.products = products;
        this.api = api;
    }

    /** Products whose code, name or group starts with {@code search}, by group and name. */
    @GetMapping
    ApiPage<Product> list(@RequestParam(defaultValue = "") String search,
                          @RequestParam(defaultValue = "false") boolean activeOnly,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = DEFAULT_SIZE) int size) {
        ApiSupport.checkPaging(page, size);
        api.user();
        return new ApiPage<>(products.page(search, activeOnly, ApiSupport.offset(page, size), size), page, size,
                products.count(search, activeOnly));
    }

    @GetMapping("/{id}")
    Product get(@PathVariable long id) {
        api.user();
        return products.find(id).orElseThrow(ApiNotFoundException::new);
    }

    @PostMapping
    ResponseEntity<Product> create(@RequestBody ApiWrite<ProductData> body) {
        long id = products.create(ApiSupport.data(body), api.user());
        return ResponseEntity.created(URI.create("/api/v1/products/" + id)).body(get(id));
    }

    @PutMapping("/{id}")
    Product update(@PathVariable long id, @RequestBody ApiWrite<ProductData> body) {
        var data = ApiSupport.data(body);
        int version = ApiSupport.version(body);
        get(id);
        products.update(id, version, data, api.user());
        return get(id);
    }

    /** Deletes a product no order uses; one in use gives 400 (deactivate it instead). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Integer version) {
        if (!products.delete(id, version, api.user())) {
            throw new ApiNotFoundException();
        }
        return ResponseEntity.noContent().build();
    }
}
