package com.themegraph.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Finds a node by id, or by a name or alias (folded, {@link TextFolding}), and answers
 * 404, with the closest ids, when it is not one of the kinds asked for.
 */
@Component
public class Entities {

	public record EntityRef(String id, String kind, List<String> kinds, String name, String nameEn) {
	}

	private final GraphReads reads;

	private final GraphRows rows;

	private final Suggestions suggestions;

	Entities(GraphRows rows, Suggestions suggestions, GraphReads reads) {
		this.reads = reads;
		this.rows = rows;
		this.suggestions = suggestions;
	}

	/**
	 * The entity of one of {@code kinds} whose id is {@code idOrName}, else the one whose
	 * folded name or alias is: {@code Sora}, {@code SORA} and {@code sora} all answer the
	 * node {@code sora}.
	 * @param description what the kinds are called in messages ("theme")
	 * @throws NotFoundException with the closest ids when none matches
	 * @throws BadRequestException when the name names several entities, listing their ids
	 */
	public EntityRef require(String idOrName, String description, List<String> kinds) {
		Optional<EntityRef> found = reads.one("entity-by-id", Map.of("id", idOrName))
			.map(row -> rows.as(row, EntityRef.class))
			.filter(entity -> entity.kinds().stream().anyMatch(kinds::contains));
		if (found.isPresent()) {
			return found.get();
		}
		var byName = reads.all("entity-by-name", Map.of("name", TextFolding.fold(idOrName), "kinds", kinds))
			.stream()
			.map(row -> rows.as(row, EntityRef.class))
			.toList();
		if (byName.size() > 1) {
			throw new BadRequestException("\"" + idOrName + "\" names several: "
					+ String.join(", ", byName.stream().map(EntityRef::id).toList()) + "; ask by id");
		}
		return byName.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No " + description + " \"" + idOrName + "\"",
					suggestions.closest(idOrName, kinds)));
	}

}
