import type {
  ActionPlansTable,
  CommitmentContactsTable,
  CommitmentsTable,
  CommitmentValuesTable,
  EvidenceTable,
  FilesTable,
  IrmRecommendationsTable,
  LevelChangesTable,
  MilestonesTable,
  PlanSectionsTable,
  ProgressUpdatesTable,
} from '../modules/action-plans/action-plans.table.ts';
import type { OdDataRequestSupportsTable, OdDataRequestsTable, OdDatasetsTable, OdErrorReportsTable, OdResourcesTable, OdTableRowsTable, OdTablesTable } from '../modules/open-data/open-data.table.ts';
import type { AuditEventsTable, OrganizationsTable, SessionsTable, SettingsTable, UsersTable } from '../platform/tables.ts';

/** Every table, for Kysely's types. Each module declares its own tables in <module>.table.ts. */
export interface Database {
  settings: SettingsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  action_plans: ActionPlansTable;
  plan_sections: PlanSectionsTable;
  commitments: CommitmentsTable;
  commitment_values: CommitmentValuesTable;
  commitment_contacts: CommitmentContactsTable;
  milestones: MilestonesTable;
  irm_recommendations: IrmRecommendationsTable;
  files: FilesTable;
  progress_updates: ProgressUpdatesTable;
  level_changes: LevelChangesTable;
  evidence: EvidenceTable;
  od_datasets: OdDatasetsTable;
  od_resources: OdResourcesTable;
  od_tables: OdTablesTable;
  od_table_rows: OdTableRowsTable;
  od_error_reports: OdErrorReportsTable;
  od_data_requests: OdDataRequestsTable;
  od_data_request_supports: OdDataRequestSupportsTable;
}
