package io.lazi.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The CRM pipeline service: consumes raw ServiceTitan customers, jobs, appointments, estimates and
 * business units, keeps the tenant's contacts and opportunities in the {@code crm_pipeline} schema,
 * publishes every stage move on {@code crm.stage-moved} and serves the pipeline under {@code /api/crm}.
 */
@SpringBootApplication
@EnableScheduling
public class CrmPipelineApplication {

	public static void main(String[] args) {
		SpringApplication.run(CrmPipelineApplication.class, args);
	}
}
