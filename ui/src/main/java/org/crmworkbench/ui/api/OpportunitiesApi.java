package org.crmworkbench.ui.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmworkbench.core.opportunity.FunnelStage;
import org.crmworkbench.core.opportunity.Opportunity;
import org.crmworkbench.core.opportunity.OpportunityData;
import org.crmworkbench.core.opportunity.OpportunityQuery;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.opportunity.OpportunityStatus;
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
import java.util.List;

import static org.crmworkbench.ui.api.ApiSupport.DEFAULT_SIZE;

/** Opportunities on the accounts the caller may see. */
@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "opportunities")
class OpportunitiesApi {

    private final OpportunityService opportunities;
    private final ApiSupport api;

    OpportunitiesApi(OpportunityService opportunities, ApiSupport api) {
        this.opportunities = opportunities;
        this.api = api;
    }

    /** Opportunities by search and filters; sort by name, account, stage, amount, probability, expectedClose or owner. */
    @GetMapping
    ApiPage<Opportunity> list(@RequestParam(required = false) Long accountId,
                              @RequestParam(defaultValue = "") String search,
                              @RequestParam(required = false) FunnelStage stage,
                              @RequestParam(required = false) OpportunityStatus status,
                              @RequestParam(required = false) Long ownerId,
                              @RequestParam(required = false) List<String> sort,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = DEFAULT_SIZE) int size) {
        ApiSupport.checkPaging(page, size);
        var query = new OpportunityQuery(accountId, search, stage, status, ownerId,
                ApiSupport.sorts(sort, OpportunityQuery.Sort::new));
        var user = api.user();
        return new ApiPage<>(opportunities.page(query, user, ApiSupport.offset(page, size), size), page, size,
                opportunities.count(query, user));
    }

    @GetMapping("/{id}")
    Opportunity get(@PathVariable long id) {
        return opportunities.find(id, api.user()).orElseThrow(ApiNotFoundException::new);
    }

    @PostMapping
    ResponseEntity<Opportunity> create(@RequestBody ApiWrite<OpportunityData> body) {
        var data = ApiSupport.data(body);
        long id = opportunities.add(ApiSupport.accountId(body), data, api.user());
        return ResponseEntity.created(URI.create("/api/v1/opportunities/" + id)).body(get(id));
    }

    @PutMapping("/{id}")
    Opportunity update(@PathVariable long id, @RequestBody ApiWrite<OpportunityData> body) {
        var data = ApiSupport.data(body);
        int version = ApiSupport.version(body);
        get(id);
        opportunities.update(id, version, data, api.user());
        return get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Integer version) {
        if (!opportunities.delete(id, version, api.user())) {
            throw new ApiNotFoundException();
        }
        return ResponseEntity.noContent().build();
    }
}
