package com.themegraph.system;

import java.util.List;

import com.themegraph.GraphIT;
import com.themegraph.TestNeo4j.SessionAccessModes;
import com.themegraph.ingest.DocumentLoader;
import com.themegraph.ingest.LoadResult;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a cluster or Aura ({@code neo4j://} or {@code neo4j+s://}) the driver sends READ sessions to
 * reader members and WRITE sessions to the leader: every API read must ask for READ, every
 * load for WRITE.
 */
class ReadTransactionsIT extends GraphIT {

	static final List<String> READS = List.of("/api/themes", "/api/themes/ai-video-tools/stocks",
			"/api/themes/ai-video/stocks", "/api/technologies/sora/stocks", "/api/technologies/sorra/stocks",
			"/api/stocks/1357.HK", "/api/stocks/汤姆猫/exposure", "/api/stocks/万兴/exposure", "/api/search?q=sora",
			"/api/reports", "/api/reports/" + SEED_REPORT, "/api/reports/nope", "/api/reports/" + SEED_REPORT + "/text");

	@Autowired
	SessionAccessModes sessions;

	@Autowired
	DocumentLoader loader;

	@Autowired
	JsonMapper json;

	@Test
	void everyApiReadRunsInReadSessions() {
		for (var read : READS) {
			sessions.clear();
			var status = get(read).status();
			assertThat(status).as(read).isIn(200, 404);
			assertThat(sessions.modes()).as(read).isNotEmpty().containsOnly(AccessMode.READ);
		}
	}

	@Test
	void loadingAReportRunsInAWriteSession() throws Exception {
		var report = json.readTree(new ClassPathResource("seed-data/reports/" + SEED_REPORT + ".json").getInputStream());
		sessions.clear();
		var result = loader.load(report, "seed-data/reports/" + SEED_REPORT + ".json");
		assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.UNCHANGED);
		assertThat(sessions.modes()).containsExactly(AccessMode.WRITE);
	}

}
