/**
 * The API as the console uses it, typed by hand from the services' controllers and records (one place,
 * until the services publish OpenAPI documents to generate from). Instants are ISO-8601 strings, ids of
 * ServiceTitan objects are numbers (they fit in 2^53), UUIDs strings.
 */

/** platform-web `Page<T>`. */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

/** RFC 9457 problem (platform-web `ProblemDetailsAdvice`, platform-security `SecurityProblems`). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** The request field a 400 names (platform-web `InvalidInputException`). */
  field?: string;
  [extension: string]: unknown;
}

// ---- pricebook-service: category tree (CategoryView, CategoryTreeView, CategoryStats) ----

export type LocalStatus = 'NONE' | 'CREATED' | 'DELETED';
export type PendingField = 'name' | 'image' | 'position' | 'parent';

export interface StValues {
  name: string;
  imagePath: string | null;
  position: number | null;
  parentStId: number | null;
  modifiedOn: string | null;
}

export interface PushError {
  status: number | null;
  message: string | null;
  at: string;
  pushId: string | null;
}

export interface CategoryView {
  stId: number;
  parentStId: number | null;
  rootStId: number;
  /** 0 for a root. */
  depth: number;
  /** ltree path of ids from the root, e.g. `41000101.41000111`. */
  path: string;
  name: string;
  description: string | null;
  imagePath: string | null;
  imageUrl: string | null;
  position: number;
  active: boolean;
  businessUnitIds: number[];
  categoryType: string;
  modifiedOn: string | null;
  lastSyncedAt: string;
  childCount: number;
  /** ServiceTitan's last known values; null for a local create never pushed. */
  st: StValues | null;
  pending: boolean;
  pendingFields: PendingField[];
  localStatus: LocalStatus;
  isVisibleCrm: boolean;
  pushError: PushError | null;
  conflictId: string | null;
}

export interface CategoryTreeView extends CategoryView {
  children: CategoryTreeView[];
}

export interface CategoryStats {
  tenantId: string;
  roots: number;
  subcategories: number;
  /** Per depth "1".."8". */
  subcategoriesByDepth: Record<string, number>;
  withImage: number;
  inactive: number;
  lastSyncedAt: string | null;
  lastSyncRunId: string | null;
}

// ---- pricebook-service: edits (CategoryEditController, EditRequests, PendingItems, Deletion) ----

export interface CategoryEdit {
  name?: string;
  imageUploadId?: string;
  position?: number;
  isVisibleCrm?: boolean;
}

export interface CategoryCreate extends CategoryEdit {
  name: string;
}

export interface Reorder {
  position: number;
  /** Present and different from the current parent: a move. */
  parentStId?: number;
}

export interface PendingItem {
  stId: number;
  name: string;
  localStatus: LocalStatus;
  pendingFields: PendingField[];
  pendingSince: string | null;
  pushError: PushError | null;
  conflictId: string | null;
}

export interface PendingItems {
  count: number;
  items: PendingItem[];
}

export interface Deletion {
  stId: number;
  removed: boolean;
  item: CategoryView | null;
}

// ---- pricebook-service: pushes (CategoryPushController) ----

export interface PushStarted {
  pushId: string;
  count: number;
}

export interface PushStatus {
  pushId: string;
  status: 'running' | 'finished';
  count: number;
  success: number;
  failed: number;
  startedAt: string;
  finishedAt: string | null;
}

export type CommandAction = 'UPDATE_CATEGORY' | 'CREATE_CATEGORY' | 'DELETE_CATEGORY';
export type AutoFix = 'reparent' | 'recreate' | 'drop_image' | 'retry';

export interface PushFailure {
  id: string;
  stId: number;
  name: string;
  action: CommandAction;
  stStatus: number | null;
  message: string | null;
  failedAt: string;
  pushId: string;
  fix: AutoFix | null;
}

export interface AutoFixResult {
  action: AutoFix;
  detail: string;
  pushId: string | null;
}

// ---- pricebook-service: conflicts (ConflictController, CategoryConflict) ----

export type ConflictType = 'both_modified' | 'local_deleted_st_modified' | 'st_deleted_local_modified';
export type ConflictStatus = 'open' | 'manual' | 'resolved';
export type ConflictStrategy = 'keep_st' | 'keep_local' | 'manual';

export interface ConflictSide {
  name?: string | null;
  imagePath?: string | null;
  imageUploadId?: string | null;
  position?: number | null;
  parentStId?: number | null;
  localStatus?: LocalStatus;
  pendingFields?: PendingField[];
  active?: boolean;
  modifiedOn?: string | null;
}

export interface CategoryConflict {
  id: string;
  stId: number;
  type: ConflictType;
  status: ConflictStatus;
  local: ConflictSide;
  st: ConflictSide | null;
  detectedAt: string;
  resolvedAt: string | null;
  strategy: ConflictStrategy | null;
}

export interface ConflictList {
  count: number;
  items: CategoryConflict[];
}

export interface Resolution {
  conflict: CategoryConflict;
  item: CategoryView | null;
}

// ---- st-ingest-service: syncs (SyncController, RunView) ----

export type SyncType = 'FULL' | 'INCREMENTAL';
export type SyncStatus = 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface SyncAccepted {
  syncRunId: string;
  status: SyncStatus;
  syncType: SyncType;
  statusUrl: string;
}

/** st-ingest `RunView`. */
export interface SyncRun {
  syncRunId: string;
  syncType: SyncType;
  status: SyncStatus;
  trigger: 'MANUAL' | 'SCHEDULED';
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  /** Until every record fetched had gone out: for categories, the whole tree, before the images. */
  recordsPublishedMs: number | null;
  rootCount: number;
  subcategoryCount: number;
  imagesFetched: number;
  stCalls: number;
  rateLimited: number;
  error: string | null;
}

export interface SyncStatusView {
  tenantId: string;
  running: SyncRun | null;
  lastRun: SyncRun | null;
  lastCompleted: SyncRun | null;
  cursor: string | null;
}

// ---- image-service: uploads (UploadController) ----

export interface Upload {
  id: string;
  url: string;
  contentType: string;
  size: number;
}

// ---- notification-service: WebSocket messages (docs/architecture.md, "WebSocket messages") ----

export type LiveEventName =
  | 'sync:started'
  | 'sync:completed'
  | 'sync:failed'
  | 'pricebook:categories:synced'
  | 'pricebook:categories:updated'
  | 'pricebook:categories:pushed'
  | 'pricebook:categories:conflict'
  | 'crm:stage-moved'
  | 'crm:lead-created'
  | 'crm:lead-converted'
  | 'crm:opportunity-won'
  | 'crm:opportunity-lost'
  | 'crm:task-assigned'
  | 'crm:case-opened'
  | 'customers:updated'
  | 'jobs:updated'
  | 'jobs:status-changed'
  | 'jobs:assigned'
  | 'providers:changed'
  | 'field:command-completed'
  | 'subscribed'
  | 'resync';

export interface LiveEvent {
  event: LiveEventName | string;
  data: Record<string, unknown>;
  id?: string;
  time?: string;
  /** Where the client stands after this message: pass it back as `?cursor=` to resume. */
  cursor?: string;
}

// ---- crm-pipeline-service: pipelines (PipelineController, Views) ----

export type PipelineKey = 'SALES' | 'INSTALL';

/**
 * A CRM contact: a person at an account (`/api/crm/contacts`). ServiceTitan customers' primary contacts keep the
 * fields the pipeline's contact list always had (`stCustomerId`, address, `active`, `locations`).
 */
export interface ContactView {
  id: string;
  accountId?: string;
  firstName?: string | null;
  lastName?: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  role?: string | null;
  primary?: boolean;
  stCustomerId: number | null;
  source?: RecordSource;
  street?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  active?: boolean;
  locations?: { stId: number; name: string | null; street: string | null; city: string | null; state: string | null; zip: string | null; active: boolean }[];
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface OpportunityView {
  id: string;
  pipeline: PipelineKey;
  pipelineName: string;
  stage: string;
  stageName: string;
  status: string;
  title: string;
  monetaryValue: number | null;
  /** null for an opportunity opened by hand or by converting a lead. */
  stCustomerId: number | null;
  contactName: string | null;
  stJobId: number | null;
  stEstimateId: number | null;
  stageEnteredAt: string;
  createdAt: string;
  updatedAt: string;
  // The CRM records' fields (issue 18), where the service serves them.
  /** `servicetitan` (derived by the pipeline) or `lazi` (opened by hand). */
  source?: RecordSource;
  accountId?: string | null;
  primaryContactId?: string | null;
  leadId?: string | null;
  amount?: number | null;
  /** The amount was set by hand; else it follows the line items. */
  amountManual?: boolean;
  probability?: number | null;
  expectedCloseDate?: string | null;
  ownerId?: string | null;
  nextStep?: string | null;
  version?: number;
}

export interface HistoryEntry {
  opportunityId: string;
  fromPipeline: string | null;
  fromStage: string | null;
  toPipeline: string;
  toStage: string;
  reason: string;
  triggerType: string;
  triggerId: string;
  movedAt: string;
}

export interface OpportunityDetail {
  opportunity: OpportunityView;
  history: HistoryEntry[];
}

export interface StageStats {
  stage: string;
  name: string;
  count: number;
  value: number;
}

export interface PipelineStats {
  pipeline: PipelineKey;
  name: string;
  count: number;
  value: number;
  stages: StageStats[];
}

export interface Distribution {
  contacts: number;
  opportunities: number;
  pipelines: PipelineStats[];
}

// ---- pricebook-service: SKUs (SkuController, SkuView) ----

export type SkuKind = 'services' | 'materials' | 'equipment';

export interface SkuView {
  stId: number;
  code: string;
  displayName: string | null;
  description: string | null;
  price: number | null;
  memberPrice: number | null;
  addOnPrice: number | null;
  cost: number | null;
  active: boolean;
  categories: { stId: number; name: string | null }[];
  businessUnitId: number | null;
  hours?: number;
  taxable?: boolean;
  unitOfMeasure?: string;
  isInventory?: boolean;
  manufacturer?: string;
  model?: string;
  createdOn: string | null;
  modifiedOn: string | null;
  lastSyncedAt: string;
}

// ---- field-service: domain API v2 (docs/openapi/field-service.json) ----

/** Who serves a record: `servicetitan` (the mirror) or `lazi` (a Lazi-owned record). */
export type RecordSource = 'servicetitan' | 'lazi' | string;

export interface Address {
  street?: string | null;
  unit?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  country?: string | null;
}

/** ServiceTitan's contact of a customer: `type` Phone, MobilePhone, Email, Fax… */
export interface CustomerContact {
  id: number;
  type: string;
  value: string;
  memo?: string | null;
}

/** `CustomerView`. */
export interface FieldCustomer {
  id: number;
  source: RecordSource;
  name: string;
  type: string | null;
  address: Address | null;
  contacts: CustomerContact[];
  active: boolean;
  createdOn?: string | null;
  modifiedOn?: string | null;
}

/** `LocationView`. */
export interface FieldLocation {
  id: number;
  source: RecordSource;
  customerId: number;
  name: string | null;
  address: Address | null;
  active: boolean;
  modifiedOn?: string | null;
}

/** `CustomerJob`: a job as a customer's page lists it. */
export interface CustomerJob {
  id: number;
  source: RecordSource;
  jobNumber: string;
  locationId: number | null;
  jobStatus: string;
  businessUnitId: number | null;
  summary: string | null;
  total: number | null;
  createdOn?: string | null;
  modifiedOn?: string | null;
}

/** `CustomerDetail`. */
export interface CustomerDetail {
  customer: FieldCustomer;
  locations: FieldLocation[];
  jobs: CustomerJob[];
}

/** `JobView`: `technicianIds` are those actively assigned to the job's appointments, ascending. */
export interface FieldJob {
  id: number;
  source: RecordSource;
  jobNumber: string;
  customerId: number;
  locationId: number | null;
  jobStatus: string;
  businessUnitId: number | null;
  jobTypeId?: number | null;
  summary: string | null;
  total: number | null;
  technicianIds: number[];
  createdOn?: string | null;
  modifiedOn?: string | null;
  completedOn?: string | null;
}

/** `AppointmentView`. */
export interface FieldAppointment {
  id: number;
  source?: RecordSource;
  jobId: number;
  customerId?: number;
  appointmentNumber: string | null;
  start: string;
  end: string;
  status: string;
  active: boolean;
  technicianIds: number[];
  modifiedOn?: string | null;
}

/** `AssignmentView`: one technician on one appointment (active or not). */
export interface FieldAssignment {
  id: number;
  source?: RecordSource;
  technicianId: number;
  technicianName: string | null;
  appointmentId: number;
  status: string | null;
  assignedOn: string | null;
  active: boolean;
}

/** A job history entry (`Entry`). */
export interface JobHistory {
  id: number;
  date: string;
  eventType: string;
  employeeId?: number | null;
  memo?: string | null;
}

/** `JobDetail`. */
export interface JobDetail {
  job: FieldJob;
  appointments: FieldAppointment[];
  assignments: FieldAssignment[];
  history: JobHistory[];
}

/** Body of `POST /api/v2/jobs/{id}/technicians`: without `appointmentId`, the job's first active appointment. */
export interface Assignment {
  technicianIds: number[];
  appointmentId?: number;
}

export type CommandStatus = 'PENDING' | 'SUCCEEDED' | 'NOT_FOUND' | 'FAILED';

/** `CommandView`: a write sent to ServiceTitan. */
export interface FieldCommand {
  commandId: string;
  action: string;
  stId: number;
  status: CommandStatus | string;
  reference?: string | null;
  requestedBy?: string | null;
  stStatus?: number | null;
  error?: string | null;
  resultId?: number | null;
  issuedAt: string;
  completedAt?: string | null;
}

/**
 * `Written<V>`: a write applied here to a Lazi-owned record (`applied`, 200, with the record after it) or sent to
 * ServiceTitan (`sent`, 202, with the pending command; the outcome arrives as `field:command-completed`).
 */
export type Written<V> =
  | { outcome: 'applied'; record: V; command?: null }
  | { outcome: 'sent'; record?: null; command: FieldCommand };

/** `TechnicianView`. */
export interface Technician {
  id: number;
  source?: RecordSource;
  name: string;
  businessUnitId: number | null;
  team: string | null;
  email?: string | null;
  phoneNumber?: string | null;
  mainZoneId?: number | null;
  zoneIds?: number[];
  active: boolean;
  modifiedOn?: string | null;
}

export interface Interval {
  start: string;
  end: string;
}

export interface BusyInterval extends Interval {
  jobId: number;
  appointmentId: number;
  appointmentNumber?: string | null;
}

/** Shifts minus time off minus assigned appointments between `from` and `to`. */
export interface Availability {
  technicianId: number;
  from: string;
  to: string;
  free: Interval[];
  busy: BusyInterval[];
  timeOff: Interval[];
  freeMinutes: number;
}

export interface Team {
  id: number;
  name: string;
  active: boolean;
}

export interface Zone {
  id: number;
  name: string;
  active: boolean;
  cities?: string[];
  zips?: string[];
  technicians?: number[];
  businessUnits?: number[];
}

export interface BusinessUnit {
  id: number;
  name: string;
  officialName?: string | null;
  active: boolean;
}

export type FieldDomain = 'customers' | 'jobs' | 'technicians' | 'estimates';
export type FieldProvider = 'servicetitan' | 'lazi' | 'hybrid';

/** `ProviderChange`: one switch of a domain's provider (`copied`: records copied into Lazi by a switch to lazi). */
export interface ProviderChange {
  domain: string;
  from: string;
  to: string;
  changedBy: string;
  changedAt: string;
  copied: number;
}

/** `ProviderSettings`. */
export interface ProviderSettings {
  providers: Record<string, string>;
  /** The switches this request made (empty for a read). */
  changed: ProviderChange[];
  /** The last switches, newest first. */
  history: ProviderChange[];
}

// ---- crm-pipeline-service: CRM records (issue 18; accounts, contacts, leads, line items, tasks, activities, ----
// ---- timeline, projects, cases, search). Enum values are the wire's, lower case. ----

/** What a task, an activity or a timeline is about (`relatedType`). */
export type RelatedType = 'lead' | 'account' | 'contact' | 'opportunity' | 'project' | 'case';

/** Fields every changeable record has; `version` is its ETag `"<version>"`. */
export interface Audited {
  version: number;
  createdBy?: string;
  createdAt: string;
  updatedAt: string;
}

export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'unqualified' | 'converted';
export type LeadSource = 'website' | 'referral' | 'phone' | 'social' | 'email' | 'event' | 'other';

export interface Lead extends Audited {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  source: LeadSource;
  status: LeadStatus;
  estimatedValue: number | null;
  ownerId: string | null;
  /** 0..100, computed by analytics later; stored as given. */
  score: number | null;
  stLeadId: number | null;
  convertedAccountId: string | null;
  convertedContactId: string | null;
  convertedOpportunityId: string | null;
  convertedAt: string | null;
  convertedBy: string | null;
}

/** Body of `POST /api/crm/leads/{id}/convert`: links the given account/contact, else creates them. */
export interface Conversion {
  accountId?: string;
  contactId?: string;
  opportunityTitle?: string;
  amount?: number;
  pipeline?: PipelineKey;
}

export type AccountType = 'residential' | 'commercial';

export interface Account extends Audited {
  id: string;
  name: string;
  type: AccountType;
  industry: string | null;
  region: string | null;
  ownerId: string | null;
  parentId: string | null;
  stCustomerId: number | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  source: RecordSource;
  /** The account's first 50 contacts (`GET /api/crm/accounts/{id}` only). */
  contacts?: ContactView[];
}

export type ProductType = 'service' | 'material' | 'equipment';

/** A pricebook service, material or equipment as the CRM keeps it (`GET /api/crm/products`). */
export interface Product {
  type: ProductType;
  /** ServiceTitan's id (`stId` in the snapshot table; either name is read). */
  id?: number;
  stId?: number;
  code: string | null;
  name: string;
  price: number;
  active?: boolean;
}

export interface LineItem {
  id: string;
  productType: ProductType;
  productId: number;
  code: string | null;
  name: string;
  quantity: number;
  unitPrice: number;
  /** An amount off the line, 0..quantity*unitPrice. */
  discount: number;
  /** quantity * unitPrice - discount, as the service computed it. */
  total: number;
  position: number;
}

export interface LineItemEdit {
  productType: ProductType;
  productId: number;
  quantity?: number;
  unitPrice?: number | null;
  discount?: number | null;
}

export type TaskType = 'call' | 'email' | 'meeting' | 'follow_up' | 'to_do';
export type Priority = 'low' | 'medium' | 'high' | 'urgent';

export interface Task extends Audited {
  id: string;
  title: string;
  description: string | null;
  type: TaskType;
  priority: Priority;
  dueAt: string | null;
  timeZone: string | null;
  /** The assignee's user id (token `sub`). */
  assigneeId: string | null;
  relatedType: RelatedType | null;
  relatedId: string | null;
  status: 'open' | 'completed';
  completedAt: string | null;
  completedBy: string | null;
  /** Open and due before now. */
  overdue: boolean;
}

export type ActivityType = 'call' | 'email' | 'meeting' | 'note';

export interface Activity {
  id: string;
  type: ActivityType;
  subject: string | null;
  body: string | null;
  durationMinutes: number | null;
  outcome: string | null;
  occurredAt: string;
  relatedType: RelatedType;
  relatedId: string;
  externalMessageId?: string | null;
  authorId: string;
  version?: number;
}

/** One line of `GET /api/crm/{type}/{id}/timeline`, newest first. */
export interface TimelineEntry {
  kind: 'activity' | 'task' | 'stage-move' | 'servicetitan' | string;
  at: string;
  title: string;
  detail: string | null;
  refType: RelatedType | string | null;
  refId: string | null;
  actor: string | null;
}

export type ProjectStatus = 'active' | 'on_hold' | 'completed' | 'cancelled';
export type Health = 'healthy' | 'at_risk' | 'critical';
export type MilestoneStatus = 'pending' | 'in_progress' | 'done' | 'skipped';

export interface Milestone {
  id: string;
  key: string;
  name: string;
  position: number;
  status: MilestoneStatus;
  /** A day, `2026-06-10`. */
  dueDate: string | null;
  completedAt: string | null;
}

export interface Project extends Audited {
  id: string;
  name: string;
  opportunityId: string;
  accountId: string | null;
  stCustomerId: number | null;
  businessUnitId: number | null;
  status: ProjectStatus;
  startDate: string;
  health: Health;
  milestones: Milestone[];
}

export type CaseType = 'warranty' | 'complaint' | 'question';
export type CaseStatus = 'new' | 'open' | 'pending' | 'resolved' | 'closed';

export interface ServiceCase extends Audited {
  id: string;
  caseNumber: number;
  type: CaseType;
  subject: string;
  description: string | null;
  accountId: string;
  contactId: string | null;
  priority: Priority;
  status: CaseStatus;
  slaDueAt: string;
  /** Not resolved or closed and past its SLA. */
  breached: boolean;
  resolvedAt: string | null;
  ownerId: string | null;
}

export type SearchType = 'account' | 'contact' | 'lead' | 'opportunity';

export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  subtitle: string | null;
  rank: number;
}

export interface SearchResult {
  items: SearchHit[];
}
