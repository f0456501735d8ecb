package org.crmworkbench.ui.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmworkbench.core.order.Order;
import org.crmworkbench.core.order.OrderData;
import org.crmworkbench.core.order.OrderService;
import org.crmworkbench.core.order.OrderSummary;
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

/**
 * Orders with their lines on the accounts the caller may see. Every write applies the lifecycle
 * rules to the account, as the order dialog and the import do.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "orders")
class OrdersApi {

    private final OrderService orders;
    private final ApiSupport api;

    OrdersApi(OrderService orders, ApiSupport api) {
        this.orders = orders;
        this.api = api;
    }

    /** The orders of one account with their totals, newest first. */
    @GetMapping
    ApiPage<OrderSummary> list(@RequestParam long accountId,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = DEFAULT_SIZE) int size) {
        ApiSupport.checkPaging(page, size);
        var user = api.user();
        return new ApiPage<>(orders.page(accountId, user, ApiSupport.offset(page, size), size), page, size,
                orders.count(accountId, user));
    }

    @GetMapping("/{id}")
    Order get(@PathVariable long id) {
        return orders.find(id, api.user()).orElseThrow(ApiNotFoundException::new);
    }

    @PostMapping
    ResponseEntity<Order> create(@RequestBody ApiWrite<OrderData> body) {
        var data = ApiSupport.data(body);
        long id = orders.add(ApiSupport.accountId(body), data, api.user());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + id)).body(get(id));
    }

    /** Replaces number, date and all lines. */
    @PutMapping("/{id}")
    Order update(@PathVariable long id, @RequestBody ApiWrite<OrderData> body) {
        var data = ApiSupport.data(body);
        int version = ApiSupport.version(body);
        get(id);
        orders.update(id, version, data, api.user());
        return get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Integer version) {
        if (!orders.delete(id, version, api.user())) {
            throw new ApiNotFoundException();
        }
        return ResponseEntity.noContent().build();
    }
}
