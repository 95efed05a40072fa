package io.archivist.adapters.rest.seed;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.application.port.in.SeedReport;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code POST /seeds} did, or with {@code dry_run} would do (SPEC §5). */
@Schema(name = "SeedReport")
public record SeedReportJson(
        String workspace,
        @JsonProperty("dry_run") boolean dryRun,
        @Schema(description = "records the seed lists") long records,
        @JsonProperty("object_types") CountsJson objectTypes,
        @JsonProperty("records_per_type") Map<String, CountsJson> recordsPerType,
        @JsonProperty("operations_created") @Schema(description = "archive operations for records imported archived")
        long operationsCreated,
        @Schema(description = "records whose state in the workspace differs from the seed's and was kept")
        List<String> warnings,
        @JsonProperty("warning_count") long warningCount) {

    @Schema(name = "SeedCounts")
    public record CountsJson(long created, long updated, long unchanged) {
        static CountsJson of(SeedReport.Counts counts) {
            return new CountsJson(counts.created(), counts.updated(), counts.unchanged());
        }
    }

    static SeedReportJson of(SeedReport report) {
        Map<String, CountsJson> perType = new LinkedHashMap<>();
        report.recordsPerType().forEach((type, counts) -> perType.put(type, CountsJson.of(counts)));
        return new SeedReportJson(report.workspace().value(), report.dryRun(), report.records(),
                CountsJson.of(report.objectTypes()), perType, report.operationsCreated(), report.warnings(),
                report.warningCount());
    }
}
