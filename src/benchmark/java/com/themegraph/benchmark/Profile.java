package com.themegraph.benchmark;

import java.util.LinkedHashMap;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.summary.ProfiledPlan;

/**
 * Prints the PROFILE of one of the service's queries against a running store, operator by
 * operator (rows, db hits, time), to see where a slow query spends its time:
 * {@code Profile bolt://127.0.0.1:7687 technology-stocks id=syn-tech-0001 skip=0 limit=50}.
 * Parameters that look like integers are passed as integers, and {@code null} as null
 * (the queries take {@code since=null until=null sort=rank pathLimit=null}).
 */
public final class Profile {

	private Profile() {
	}

	public static void main(String[] args) {
		var query = Stores.read("cypher/queries/" + args[1] + ".cypher");
		var parameters = new LinkedHashMap<String, Object>();
		for (int i = 2; i < args.length; i++) {
			var name = args[i].substring(0, args[i].indexOf('='));
			var value = args[i].substring(args[i].indexOf('=') + 1);
			parameters.put(name, value.equals("null") ? null : value.matches("-?\\d+") ? (Object) Long.parseLong(value) : value);
		}
		try (var driver = GraphDatabase.driver(args[0], AuthTokens.basic("neo4j", System.getenv().getOrDefault("NEO4J_PASSWORD", ""))); var session = driver.session()) {
			for (int run = 0; run < 3; run++) {
				long started = System.nanoTime();
				var summary = session.run("PROFILE " + query, parameters).consume();
				System.out.printf("run %d: %.1f ms%n", run + 1, (System.nanoTime() - started) / 1e6);
				if (run == 2) {
					print(summary.profile(), 0);
				}
			}
		}
	}

	private static void print(ProfiledPlan plan, int depth) {
		System.out.printf("%s%s  rows=%,d dbHits=%,d time=%,dus %s%n", "  ".repeat(depth), plan.operatorType(),
				plan.records(), plan.dbHits(), plan.time() / 1000, plan.arguments().getOrDefault("Details", null));
		for (var child : plan.children()) {
			print(child, depth + 1);
		}
	}

}
