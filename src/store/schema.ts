/**
 * Table row types for Kysely. JSON is kept as text (`*_json`) and times as
 * ISO-8601 UTC text in both engines: what the audit chain hashed is exactly
 * what comes back, whichever engine holds it.
 */
import type { Generated } from 'kysely';

export interface AuditLogTable {
  seq: number;
  at: string;
  kind: string;
  key_id: string | null;
  ref: string | null;
  input_json: string;
  output_json: string;
  ruleset_json: string | null;
  lists_json: string | null;
  meta_json: string | null;
  prev_hash: string;
  hash: string;
  /** The id of the audit key whose HMAC `hash` is; null for a record from before audit keys (plain SHA-256). */
  mac_key?: string | null;
}

/** One row (id 1): the last seq and hash, so a removed tail is noticed too, sealed with the audit key. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** HMAC of seq and hash under the audit key `mac_key` (null before audit keys). */
  mac?: string | null;
  mac_key?: string | null;
}

export interface ListVersionsTable {
  id: Generated<number>;
  list: string;
  version: number;
  title: string;
  source_date: string;
  hash: string;
  entries: number;
  bundled: number;
  loaded_at: string;
  source: string | null;
  format: string | null;
  key_id: string | null;
  /** Where the source date came from (publisher, http-last-modified, fetched, given, file-name, bundled); null before issue 11. */
  source_date_kind: string | null;
  /** The last day `lists update` found the source still publishing this content (null: never checked). */
  current_as_of: string | null;
}

/** One configured list source as `lists update` last saw it (issue 11). */
export interface ListSourcesTable {
  id: string;
  url: string;
  format: string;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  lists_json: string;
  last_status: string | null;
  last_checked_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  last_error: string | null;
}

/** Entry contents by content hash: an entry unchanged across versions is stored once. */
export interface EntryContentsTable {
  hash: string;
  list: string;
  entry_id: string;
  entry_json: string;
}

export interface ListVersionEntriesTable {
  version_id: number;
  entry_id: string;
  entry_hash: string;
  pos: number;
}

export interface CounterpartiesTable {
  id: string;
  key: string;
  name: string;
  country: string | null;
  address: string | null;
  aliases_json: string;
  created_at: string;
  last_screened_at: string | null;
  last_screening_json: string | null;
}

export interface DeterminationsTable {
  id: string;
  audit_seq: number;
  created_at: string;
  key_id: string | null;
  outcome: string;
  as_of: string;
  input_json: string;
  output_json: string;
  options_json: string;
  lists_json: string;
  batch_job_id: string | null;
  batch_row_no: number | null;
}

export interface ScreeningsTable {
  id: string;
  audit_seq: number;
  counterparty_id: string;
  created_at: string;
  key_id: string | null;
  query: string;
  reason: string;
  result_json: string;
}

export interface ReviewsTable {
  id: string;
  counterparty_id: string;
  counterparty_key: string;
  list: string;
  entry_id: string;
  entry_hash: string;
  decision: string;
  reason: string;
  key_id: string | null;
  created_at: string;
  audit_seq: number;
  /** Issue 15: a clearance may carry an expiry (absent on rows written before migration 0012). */
  expires_at?: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string | null;
  role: string;
  key_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface BatchJobsTable {
  id: string;
  status: string;
  created_at: string;
  updated_at: string;
  key_id: string | null;
  format: string | null;
  input_path: string | null;
  output_path: string | null;
  total: number | null;
  done: number;
  failed: number;
  options_json: string;
  error: string | null;
  /** The process working on the job, and until when its claim holds (ISO time) unless renewed. */
  claimed_by?: string | null;
  lease_until?: string | null;
}

export interface BatchRowsTable {
  job_id: string;
  row_no: number;
  status: string;
  result_json: string | null;
  error_json: string | null;
}

export interface RulesetSnapshotsTable {
  hash: string;
  version: string;
  files_json: string;
  created_at: string;
}

export interface OwnerImportsTable {
  id: Generated<number>;
  imported_at: string;
  source: string | null;
  rows: number;
  hash: string;
  key_id: string | null;
}

/** One ownership edge of one import: `owner` holds `share` % of `entity` as of `as_of`. */
export interface OwnerEdgesTable {
  import_id: number;
  line: number;
  entity: string;
  entity_key: string;
  owner: string;
  owner_key: string;
  /** Null: the share is not known. */
  share: number | null;
  as_of: string;
  source: string | null;
}

export interface Database {
  owner_imports: OwnerImportsTable;
  owner_edges: OwnerEdgesTable;
  ruleset_snapshots: RulesetSnapshotsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  list_versions: ListVersionsTable;
  list_sources: ListSourcesTable;
  entry_contents: EntryContentsTable;
  list_version_entries: ListVersionEntriesTable;
  counterparties: CounterpartiesTable;
  determinations: DeterminationsTable;
  screenings: ScreeningsTable;
  reviews: ReviewsTable;
  api_keys: ApiKeysTable;
  batch_jobs: BatchJobsTable;
  batch_rows: BatchRowsTable;
  review_cases: ReviewCasesTable;
  review_case_events: ReviewCaseEventsTable;
  saved_counterparties: SavedCounterpartiesTable;
}

export interface ReviewCasesTable {
  id: string;
  kind: string;
  status: string;
  dedupe_key: string;
  order_ref: string | null;
  counterparty_name: string | null;
  counterparty_country: string | null;
  saved_counterparty_id: string | null;
  list: string | null;
  entry_id: string | null;
  entry_name: string | null;
  entry_hash: string | null;
  score: number | null;
  detail_json: string;
  source: string;
  source_ref: string | null;
  owner: string | null;
  pending_json: string | null;
  decided_by: string | null;
  reason: string | null;
  expires_at: string | null;
  review_ids_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReviewCaseEventsTable {
  id: Generated<number>;
  case_id: string;
  at: string;
  actor: string | null;
  action: string;
  text: string | null;
  audit_seq: number;
}

export interface SavedCounterpartiesTable {
  id: string;
  name: string;
  names_json: string;
  country: string | null;
  headquarters: string | null;
  ultimate_parent: string | null;
  type: string | null;
  owners_json: string;
  created_at: string;
  updated_at: string;
}
