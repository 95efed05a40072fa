package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.application.port.in.seed.SeedReport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code POST /seeds} did, or with {@code dry_run} would do (docs/lifecycle.md#seeds). */
@Schema(name = "SeedReport")
public record SeedReportJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String workspace,

        @JsonProperty("dry_run") @Schema(name = "dry_run", requiredMode = Schema.RequiredMode.REQUIRED)
        boolean dryRun,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "records the seed lists")
        long records,

        CountsJson object_types,

        @JsonProperty("records_per_type")
        @Schema(name = "records_per_type", requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, CountsJson> recordsPerType,

        @JsonProperty("operations_created")
        @Schema(
                name = "operations_created",
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "archive operations for records imported archived")
        long operationsCreated,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "records whose state in the workspace differs from the seed's and was kept")
        List<String> warnings,

        @JsonProperty("warning_count") @Schema(name = "warning_count", requiredMode = Schema.RequiredMode.REQUIRED)
        long warningCount) {

    @Schema(name = "SeedCounts")
    public record CountsJson(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long created,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long updated,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long unchanged) {
        static CountsJson of(SeedReport.Counts counts) {
            return new CountsJson(counts.created(), counts.updated(), counts.unchanged());
        }
    }

    public static SeedReportJson of(SeedReport report) {
        Map<String, CountsJson> perType = new LinkedHashMap<>();
        report.recordsPerType().forEach((type, counts) -> perType.put(type, CountsJson.of(counts)));
        return new SeedReportJson(
                report.workspace().value(),
                report.dryRun(),
                report.records(),
                CountsJson.of(report.objectTypes()),
                perType,
                report.operationsCreated(),
                report.warnings(),
                report.warningCount());
    }
}
