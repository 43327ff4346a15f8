package com.themegraph.store;

import java.util.concurrent.TimeUnit;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.scheduler.Group;
import org.neo4j.scheduler.JobMonitoringParams;
import org.neo4j.scheduler.JobScheduler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The embedded store runs Neo4j's index sampling on platform threads: on virtual threads
 * a bulk load on a 2-core machine stalled for good (see {@link Neo4jJobThreads}).
 */
class Neo4jJobThreadsIT extends GraphIT {

	@Autowired
	ObjectProvider<DatabaseManagementService> embedded;

	@Test
	void indexSamplingRunsOnAPlatformThread() throws Exception {
		var service = embedded.getIfAvailable();
		assumeThat(service).as("an embedded store").isNotNull();
		var scheduler = ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
			.getDependencyResolver()
			.resolveDependency(JobScheduler.class);

		var job = scheduler.schedule(Group.INDEX_SAMPLING, JobMonitoringParams.NOT_MONITORED,
				() -> Thread.currentThread().isVirtual());

		job.waitTermination(30, TimeUnit.SECONDS);
		assertThat(job.get()).as("the sampling job ran on a virtual thread").isFalse();
		assertThat(System.getProperty(Neo4jJobThreads.TOGGLE)).isEqualTo("false");
	}

}
