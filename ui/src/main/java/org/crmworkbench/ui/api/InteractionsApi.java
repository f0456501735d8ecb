package org.crmworkbench.ui.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmworkbench.core.interaction.Interaction;
import org.crmworkbench.core.interaction.InteractionData;
import org.crmworkbench.core.interaction.InteractionService;
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

/** Interactions (contact moments) with the accounts the caller may see; logged in the caller's name. */
@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "interactions")
class InteractionsApi {

    private final InteractionService interactions;
    private final ApiSupport api;

    InteractionsApi(InteractionService interactions, ApiSupport api) {
        this.interactions = interactions;
        this.api = api;
    }

    /** The interactions of one account, newest first. */
    @GetMapping
    ApiPage<Interaction> list(@RequestParam long accountId,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = DEFAULT_SIZE) int size) {
        ApiSupport.checkPaging(page, size);
        var user = api.user();
        return new ApiPage<>(interactions.page(accountId, user, ApiSupport.offset(page, size), size), page, size,
                interactions.count(accountId, user));
    }

    @GetMapping("/{id}")
    Interaction get(@PathVariable long id) {
        return interactions.find(id, api.user()).orElseThrow(ApiNotFoundException::new);
    }

    @PostMapping
    ResponseEntity<Interaction> create(@RequestBody ApiWrite<InteractionData> body) {
        var data = ApiSupport.data(body);
        long id = interactions.add(ApiSupport.accountId(body), data, api.user());
        return ResponseEntity.created(URI.create("/api/v1/interactions/" + id)).body(get(id));
    }

    @PutMapping("/{id}")
    Interaction update(@PathVariable long id, @RequestBody ApiWrite<InteractionData> body) {
        var data = ApiSupport.data(body);
        int version = ApiSupport.version(body);
        get(id);
        interactions.update(id, version, data, api.user());
        return get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Integer version) {
        if (!interactions.delete(id, version, api.user())) {
            throw new ApiNotFoundException();
        }
        return ResponseEntity.noContent().build();
    }
}
