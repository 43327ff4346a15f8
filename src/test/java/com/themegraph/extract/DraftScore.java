package com.themegraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * A draft scored against a hand-curated report document. Recommendations: each curated
 * theme is matched to the draft group sharing most of its companies (themes in a draft
 * may carry generated ids, so the grouping is compared by members), and a recommendation
 * counts when its code sits in its theme's matched group. Entities: the ids in
 * {@code mentions} and {@code about}, both sides.
 */
record DraftScore(int curatedRecommendations, int draftRecommendations, int correctRecommendations,
		Map<String, Integer> groupOfTheme, Set<String> curatedEntities, Set<String> draftEntities) {

	static DraftScore of(JsonNode draft, JsonNode curated) {
		var draftGroups = new ArrayList<Set<String>>();
		draft.path("themes").forEach(theme -> draftGroups.add(codes(theme)));
		int curatedCount = 0;
		int correct = 0;
		var groupOfTheme = new LinkedHashMap<String, Integer>();
		for (var theme : curated.path("themes")) {
			var codes = codes(theme);
			curatedCount += codes.size();
			int best = -1;
			int bestOverlap = 0;
			for (int g = 0; g < draftGroups.size(); g++) {
				var overlap = new TreeSet<>(codes);
				overlap.retainAll(draftGroups.get(g));
				if (overlap.size() > bestOverlap) {
					best = g;
					bestOverlap = overlap.size();
				}
			}
			groupOfTheme.put(theme.path("id").asString(), best);
			correct += bestOverlap;
		}
		int draftCount = draftGroups.stream().mapToInt(Set::size).sum();
		return new DraftScore(curatedCount, draftCount, correct, groupOfTheme, entities(curated), entities(draft));
	}

	static Set<String> codes(JsonNode theme) {
		var codes = new LinkedHashSet<String>();
		theme.path("companies").forEach(company -> codes.add(company.path("code").asString()));
		return codes;
	}

	static Set<String> entities(JsonNode document) {
		var ids = new TreeSet<String>();
		for (var section : List.of("about", "mentions")) {
			document.path(section).forEach(entry -> ids.add(entry.path("entity").asString()));
		}
		return ids;
	}

	double recommendationRecall() {
		return (double) correctRecommendations / curatedRecommendations;
	}

	double recommendationPrecision() {
		return draftRecommendations == 0 ? 0 : (double) correctRecommendations / draftRecommendations;
	}

	Set<String> entitiesFound() {
		var found = new TreeSet<>(draftEntities);
		found.retainAll(curatedEntities);
		return found;
	}

	Set<String> entitiesMissed() {
		var missed = new TreeSet<>(curatedEntities);
		missed.removeAll(draftEntities);
		return missed;
	}

	Set<String> entitiesExtra() {
		var extra = new TreeSet<>(draftEntities);
		extra.removeAll(curatedEntities);
		return extra;
	}

	double entityPrecision() {
		return draftEntities.isEmpty() ? 0 : (double) entitiesFound().size() / draftEntities.size();
	}

	double entityRecall() {
		return (double) entitiesFound().size() / curatedEntities.size();
	}

	/** Each curated theme matched to its own draft group. */
	boolean groupsDistinct() {
		return groupOfTheme.values().stream().noneMatch(g -> g < 0)
				&& new TreeSet<>(groupOfTheme.values()).size() == groupOfTheme.size();
	}

	String summary(String label) {
		return "%s: recommendations recall %.1f%% (%d/%d) precision %.1f%% (%d/%d), groups %s; entity mentions precision %.1f%% (%d/%d) recall %.1f%% (%d/%d), missed %s, extra %s"
			.formatted(label, 100 * recommendationRecall(), correctRecommendations, curatedRecommendations,
					100 * recommendationPrecision(), correctRecommendations, draftRecommendations, groupOfTheme,
					100 * entityPrecision(), entitiesFound().size(), draftEntities.size(), 100 * entityRecall(),
					entitiesFound().size(), curatedEntities.size(), entitiesMissed(), entitiesExtra());
	}

}
