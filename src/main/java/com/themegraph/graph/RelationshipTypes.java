package com.themegraph.graph;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one list of the relationship types a report or entity file writes, and of the fact
 * predicates an entity fact may use. Every edge carries the {@code source} it came from;
 * edges that do not touch their source's report node are found again, to replace or
 * delete a report, through the per-type {@code source} indexes of
 * {@code cypher/schema.cypher}. The Cypher files that list types by hand (schema, report
 * replacement and deletion, the bulk loader's check) and the JSON Schemas' predicate list
 * are held to this class by {@code RelationshipTypesTests}: a type added here and
 * forgotten there fails the build instead of escaping replacement.
 */
public final class RelationshipTypes {

	/**
	 * What an entity fact may say of its subject (docs/model.md; {@code $defs/predicate}
	 * in the schemas).
	 */
	public static final List<String> FACT_PREDICATES = List.of("MADE_BY", "PRODUCED_BY", "MADE_WITH", "USES", "IS_A",
			"AFFILIATED_WITH", "SUCCEEDS");

	/**
	 * Edges of a report that always touch its own node (broker, analysts, citations,
	 * risks, mentions, themes).
	 */
	public static final Set<String> AT_THE_REPORT = Set.of("PUBLISHED", "AUTHORED", "CITES", "FLAGS_RISK", "ABOUT",
			"MENTIONS", "HAS_THEME");

	/**
	 * Edges that may lie away from their source's report node (a theme's recommendations
	 * and subjects, entity facts): each of these types is indexed on {@code source}.
	 */
	public static final Set<String> INDEXED_BY_SOURCE = Stream
		.concat(Stream.of("RECOMMENDS", "ABOUT"), FACT_PREDICATES.stream())
		.collect(Collectors.toUnmodifiableSet());

	/** Every type the loaders write. */
	public static final Set<String> ALL = Stream.concat(AT_THE_REPORT.stream(), INDEXED_BY_SOURCE.stream())
		.collect(Collectors.toUnmodifiableSet());

	private RelationshipTypes() {
	}

	/**
	 * Whether an edge of {@code type} from {@code from} to {@code to} can be found again
	 * from its source {@code source}: it touches the source's node, or its type is
	 * indexed on source.
	 */
	public static boolean findableFromSource(String type, String from, String to, String source) {
		return ALL.contains(type) && (INDEXED_BY_SOURCE.contains(type) || source.equals(from) || source.equals(to));
	}

}
