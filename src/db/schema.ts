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
  PlanStartingPointsTable,
  ProgressUpdatesTable,
} from '../modules/action-plans/action-plans.table.ts';
import type {
  BallotsTable,
  ChannelsTable,
  CommitteeMembersTable,
  CommitteesTable,
  IdentitiesTable,
  IdentityTokensTable,
  OutboxMailsTable,
  PetitionActionsTable,
  PetitionAttachmentsTable,
  PetitionMeasuresTable,
  PetitionReviewsTable,
  PetitionsTable,
  SignaturesTable,
  SubCommitteesTable,
  VoteTasksTable,
} from '../modules/petitions/petitions.table.ts';
import type { AgreementsTable, BodiesTable, BodyCompositionTable, BodyMembersTable, MeetingAttendeesTable, MeetingProgressTable, MeetingsTable } from '../modules/bodies/bodies.table.ts';
import type { SurveyAnswersTable, SurveyOptionsTable, SurveyQuestionsTable, SurveyResponsesTable, SurveysTable } from '../modules/surveys/surveys.table.ts';
import type {
  CallCategoriesTable,
  CallTimelineTable,
  ParticipationAggregatesTable,
  ProposalCallsTable,
  ProposalCommentsTable,
  ProposalNoticesTable,
  ProposalResponsesTable,
  ProposalsTable,
  ProposalSupportsTable,
} from '../modules/proposals/proposals.table.ts';
import type { IrmAssessmentsTable, IrmCommitmentLinksTable, IrmCommitmentsTable } from '../modules/assessments/assessments.table.ts';
import type { OgpCommitmentDataTable, OgpPlanDataTable } from '../modules/ogp-data/ogp-data.table.ts';
import type { RepositoryDocumentsTable } from '../modules/repository/repository.table.ts';
import type { PlanReportsTable, ReportCommentsTable } from '../modules/reports/plan-reports.table.ts';
import type { OdDatasetTextsTable, OdResourceTextsTable, OdDemandRoundEntriesTable, OdDemandRoundsTable, OdDataRequestSupportsTable, OdDataRequestsTable, OdDatasetsTable, OdErrorReportsTable, OdResourcesTable, OdTableRowsTable, OdTablesTable } from '../modules/open-data/open-data.table.ts';
import type { PrApplicationsTable, PrTaskOfficialsTable, PrTaskStepsTable, PrTasksTable } from '../modules/policy-registry/policy-registry.table.ts';
import type { FollowsTable, NotificationsTable, NotifyRecipientsTable } from '../modules/notifications/notifications.table.ts';
import type { SearchDocumentsTable, SearchTermsTable } from '../modules/search/search.table.ts';
import type { AuditEventsTable, AuditFollowersTable, OrganizationsTable, SessionsTable, SettingsTable, UsersTable } from '../platform/tables.ts';

/** Every table, for Kysely's types. Each module declares its own tables in <module>.table.ts. */
export interface Database {
  settings: SettingsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_followers: AuditFollowersTable;
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
  outbox_mails: OutboxMailsTable;
  identities: IdentitiesTable;
  identity_tokens: IdentityTokensTable;
  committees: CommitteesTable;
  sub_committees: SubCommitteesTable;
  committee_members: CommitteeMembersTable;
  channels: ChannelsTable;
  petitions: PetitionsTable;
  signatures: SignaturesTable;
  petition_reviews: PetitionReviewsTable;
  petition_actions: PetitionActionsTable;
  petition_measures: PetitionMeasuresTable;
  petition_attachments: PetitionAttachmentsTable;
  vote_tasks: VoteTasksTable;
  ballots: BallotsTable;
  bodies: BodiesTable;
  body_members: BodyMembersTable;
  body_composition: BodyCompositionTable;
  meetings: MeetingsTable;
  meeting_progress: MeetingProgressTable;
  meeting_attendees: MeetingAttendeesTable;
  agreements: AgreementsTable;
  proposal_calls: ProposalCallsTable;
  call_categories: CallCategoriesTable;
  call_timeline: CallTimelineTable;
  proposals: ProposalsTable;
  proposal_responses: ProposalResponsesTable;
  proposal_comments: ProposalCommentsTable;
  proposal_supports: ProposalSupportsTable;
  proposal_notices: ProposalNoticesTable;
  participation_aggregates: ParticipationAggregatesTable;
  od_datasets: OdDatasetsTable;
  od_resources: OdResourcesTable;
  od_dataset_texts: OdDatasetTextsTable;
  od_resource_texts: OdResourceTextsTable;
  od_tables: OdTablesTable;
  od_table_rows: OdTableRowsTable;
  od_error_reports: OdErrorReportsTable;
  od_data_requests: OdDataRequestsTable;
  od_data_request_supports: OdDataRequestSupportsTable;
  irm_commitments: IrmCommitmentsTable;
  irm_commitment_links: IrmCommitmentLinksTable;
  irm_assessments: IrmAssessmentsTable;
  ogp_plan_data: OgpPlanDataTable;
  ogp_commitment_data: OgpCommitmentDataTable;
  repository_documents: RepositoryDocumentsTable;
  plan_reports: PlanReportsTable;
  report_comments: ReportCommentsTable;
  od_demand_rounds: OdDemandRoundsTable;
  od_demand_round_entries: OdDemandRoundEntriesTable;
  pr_tasks: PrTasksTable;
  pr_task_steps: PrTaskStepsTable;
  pr_task_officials: PrTaskOfficialsTable;
  pr_applications: PrApplicationsTable;
  surveys: SurveysTable;
  survey_questions: SurveyQuestionsTable;
  survey_options: SurveyOptionsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  plan_starting_points: PlanStartingPointsTable;
  notify_recipients: NotifyRecipientsTable;
  follows: FollowsTable;
  notifications: NotificationsTable;
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
}
