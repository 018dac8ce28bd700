import type { AuditAnchor } from './audit-anchor.js';
import type { Determination, IsoDate, ListEntry, ListVersion, OwnershipEdge, ScreeningHit, ScreeningResult } from '../domain/index.js';

/**
 * The store: one interface, two engines (SQLite and PostgreSQL behind Kysely).
 * Everything a shared Redline service keeps — list versions, counterparties,
 * determinations, screenings, reviews, batch jobs, API keys — and the
 * hash-chained audit log. Every write that the audit log must see (a
 * determination, a screening, a list load, a review) appends its audit record
 * in the same transaction, so a row never exists without its audit record.
 *
 * JSON columns are stored as text in both engines (never jsonb, which reorders
 * keys and rewrites numbers) and timestamps as ISO-8601 UTC strings, so what
 * was hashed is byte-for-byte what is read back.
 */

export type StoreEngine = 'sqlite' | 'postgres';
export type Role = 'viewer' | 'analyst' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];

// ─── audit ───────────────────────────────────────────────────────────────────

export type AuditKind = 'determination' | 'screening' | 'list_load' | 'list_update' | 'review' | 'key' | 'batch' | 'owners_import' | 'review_case';

/** What a caller gives to append one audit record (the store adds seq, time and the chain). */
export interface AuditInput {
  kind: AuditKind;
  /** What was asked (the transaction as given, the name screened, the file loaded ...). */
  input: unknown;
  /** What was answered. */
  output: unknown;
  ruleset?: { version: string; hash: string } | undefined;
  /** List id → version used: source date and content hash. */
  lists?: Record<string, { sourceDate: IsoDate; hash: string; currentAsOf?: IsoDate }> | undefined;
  keyId?: string | undefined;
  /** Whatever else replay needs (determine options, cleared reviews applied ...). */
  meta?: Record<string, unknown> | undefined;
  /** Id of the row this record is about (a determination id, a list version id ...). */
  ref?: string | undefined;
}

export interface AuditRecord extends Required<Pick<AuditInput, 'kind' | 'input' | 'output'>> {
  /** Position in the chain, 1, 2, 3 ... with no gaps. */
  seq: number;
  /** ISO-8601 UTC time of the append. */
  at: string;
  ruleset: { version: string; hash: string } | null;
  lists: Record<string, { sourceDate: IsoDate; hash: string; currentAsOf?: IsoDate }> | null;
  keyId: string | null;
  meta: Record<string, unknown> | null;
  ref: string | null;
  /** Hash of the record before (64 zeros for the first). */
  prevHash: string;
  /**
   * HMAC-SHA256, under the audit key `macKeyId`, of prevHash + the canonical JSON of this
   * record's content; for a record from before audit keys (macKeyId null), plain SHA-256 of the same.
   */
  hash: string;
  /** The id of the audit key that sealed this record (never the key itself); null before audit keys. */
  macKeyId: string | null;
}

export interface AuditQuery {
  kind?: AuditKind | undefined;
  /** Records with seq greater than this (paging forward). */
  afterSeq?: number | undefined;
  /** Records with seq less than this (paging back; newest first when given). */
  beforeSeq?: number | undefined;
  keyId?: string | undefined;
  limit?: number | undefined;
  /** Newest first (default) or oldest first. */
  order?: 'asc' | 'desc' | undefined;
}

export interface AuditVerification {
  ok: boolean;
  /** Records checked. */
  records: number;
  /** The hash of the last good record (the chain head when ok). */
  head: string | null;
  /**
   * The first bad record: its seq and what is wrong with it. `forged`: a record or chain head the
   * audit key did not seal (appended or re-chained by someone without the key); `unverifiable`: sealed
   * with a key this process does not hold; `anchor`: the anchor given is not signed by the audit key.
   */
  firstBad?: { seq: number; problem: 'changed' | 'removed' | 'reordered' | 'truncated' | 'forged' | 'unverifiable' | 'anchor'; detail: string } | undefined;
  /** Of the records checked, those sealed with an audit key (HMAC) and checked under it. */
  keyed: number;
  /**
   * Of the records checked, those from before audit keys: checked as a plain SHA-256 chain, which
   * someone who can write the database could rewrite undetected — unless an anchor covers them.
   */
  unkeyed: number;
  /** The id of the audit key this process checked with; null when it holds none. */
  keyId: string | null;
  /** Where that key comes from (a file, an environment variable), never the key. */
  keySource: string;
  /** The anchor checked (`verify --anchor`): which record it pins and whether the log still holds it. */
  anchor?: { seq: number; hash: string; at: string; keyId: string; ok: boolean } | undefined;
}

/** What `verifyAudit` can be asked to check besides the chain. */
export interface AuditVerifyOptions {
  /** A signed anchor (`redline audit anchor`): the log must still reach it, with the same record at its seq. */
  anchor?: AuditAnchor | undefined;
}

// ─── lists ───────────────────────────────────────────────────────────────────

/** A list version as stored: the domain ListVersion plus where and when it was loaded. */
export interface StoredListVersion extends ListVersion {
  /** Store-wide id of the version. */
  id: number;
  /** 1, 2, 3 ... within its list. */
  version: number;
  loadedAt: string;
  /** The file it came from (name only) and its format. */
  source: string | null;
  format: string | null;
  keyId: string | null;
  /** Where `sourceDate` came from (null for versions loaded before this was recorded). */
  sourceDateKind: SourceDateKind | null;
}

/**
 * Where a version's source date came from, best first: the publisher's own date in the file,
 * the HTTP Last-Modified of the download, a local file's modification time (`file://`,
 * `--from-dir`), the time it was fetched (none of those was there), a date
 * given by hand (`--source-date`), read from the file name, or the bundled manifest.
 */
export type SourceDateKind = 'publisher' | 'http-last-modified' | 'file-modified' | 'fetched' | 'given' | 'file-name' | 'newest-entry' | 'bundled';
export const SOURCE_DATE_KINDS: readonly SourceDateKind[] = ['publisher', 'http-last-modified', 'file-modified', 'fetched', 'given', 'file-name', 'newest-entry', 'bundled'];

/** What `lists update` remembers about one configured source between runs. */
export interface ListSourceState {
  /** The source id from sources.yaml. */
  id: string;
  url: string;
  format: string;
  /** Validators of the last complete download, for a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** SHA-256 of the last bytes loaded (or found unchanged): the same bytes again need no parse. */
  contentHash: string | null;
  /** The lists the source held the last time it loaded. */
  lists: string[];
  lastStatus: 'updated' | 'not_modified' | 'refused' | 'failed' | null;
  lastCheckedAt: string | null;
  /** The last run that left the source current (updated or not modified). */
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** Why the last failed or refused run did not load (kept until a success). */
  lastError: string | null;
}

export interface NewListVersion {
  list: string;
  title: string;
  sourceDate: IsoDate;
  entries: ListEntry[];
  bundledSnapshot?: boolean | undefined;
  source?: string | undefined;
  format?: string | undefined;
  keyId?: string | undefined;
  sourceDateKind?: SourceDateKind | undefined;
  /** Set when the version comes from the official source by `lists update` (the fetch day). */
  currentAsOf?: IsoDate | undefined;
}

export interface EntryChange {
  before: ListEntry;
  after: ListEntry;
  /** Top-level fields that differ. */
  fields: string[];
}

/** What changed between two versions of one list. */
export interface ListDiff {
  list: string;
  from: { id: number; version: number; sourceDate: IsoDate; hash: string; entries: number } | null;
  to: { id: number; version: number; sourceDate: IsoDate; hash: string; entries: number };
  added: ListEntry[];
  changed: EntryChange[];
  removed: ListEntry[];
}

/** A stored entry with its content hash (what a review remembers). */
export interface StoredEntry {
  entry: ListEntry;
  hash: string;
}

// ─── counterparties, determinations, screenings ──────────────────────────────

export interface CounterpartyRef {
  name: string;
  country?: string | undefined;
}

export interface CounterpartyInput extends CounterpartyRef {
  address?: string | undefined;
  aliases?: string[] | undefined;
}

export interface Counterparty {
  id: string;
  /** Normalised name + country: how a party is recognised again. */
  key: string;
  name: string;
  country: string | null;
  address: string | null;
  aliases: string[];
  createdAt: string;
  lastScreenedAt: string | null;
  lastScreening: ScreeningResult | null;
}

/** Everything needed to reproduce a determination later (audit replay). */
export interface DeterminationOptionsRecord {
  asOf?: IsoDate | undefined;
  today: IsoDate;
  enforceAiDiffusion?: boolean | undefined;
  maxListAgeDays?: number | undefined;
  /** The ids of cleared reviews that suppressed hits when it was made. */
  reviewIds?: string[] | undefined;
  /** The ownership register version (latest import id) it read, when it read one. */
  ownersVersion?: number | undefined;
}

export interface DeterminationRecordInput {
  /** The transaction as the caller gave it. */
  input: unknown;
  output: Determination;
  options: DeterminationOptionsRecord;
  /** The list versions the screener held (from `screener.versions`). */
  lists?: readonly ListVersion[] | undefined;
  keyId?: string | undefined;
  /** The batch job and row it belongs to, when it came from a batch. */
  batch?: { jobId: string; rowNo: number } | undefined;
}

export interface StoredDetermination {
  id: string;
  auditSeq: number;
  createdAt: string;
  keyId: string | null;
  input: unknown;
  output: Determination;
  options: DeterminationOptionsRecord;
  lists: Record<string, { sourceDate: IsoDate; hash: string }>;
}

export interface ScreeningRecordInput {
  query: string;
  country?: string | undefined;
  address?: string | undefined;
  result: ScreeningResult;
  lists?: readonly ListVersion[] | undefined;
  keyId?: string | undefined;
  /** Why it ran: an interactive screen, or a re-screen after a list load. */
  reason?: 'request' | 'list_load' | undefined;
  /** Hits hidden by cleared reviews (recorded so the record is complete). */
  suppressed?: { hit: ScreeningHit; reviewId: string }[] | undefined;
  /** Recorded in the audit record's meta (e.g. the list load and the new hits of a re-screen). */
  context?: Record<string, unknown> | undefined;
}

export interface StoredScreening {
  id: string;
  auditSeq: number;
  counterpartyId: string;
  createdAt: string;
  query: string;
  result: ScreeningResult;
}

// ─── reviews ─────────────────────────────────────────────────────────────────

/** `revoked` (issue 15) undoes an earlier clearance: the newest decision wins. */
export type ReviewDecision = 'cleared' | 'confirmed' | 'revoked';

export interface ReviewInput {
  counterparty: CounterpartyRef;
  list: string;
  entryId: string;
  /** Content hash of the entry as the officer saw it (`entryContentHash`). */
  entryHash: string;
  decision: ReviewDecision;
  reason: string;
  keyId?: string | undefined;
  /** The day from which a clearance no longer holds (YYYY-MM-DD). */
  expiresAt?: string | undefined;
}

export interface ReviewRecord {
  id: string;
  counterpartyId: string;
  counterpartyKey: string;
  list: string;
  entryId: string;
  entryHash: string;
  decision: ReviewDecision;
  reason: string;
  keyId: string | null;
  createdAt: string;
  auditSeq: number;
  expiresAt?: string | null | undefined;
}

// ─── API keys ────────────────────────────────────────────────────────────────

export interface ApiKeyInfo {
  id: string;
  name: string | null;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKeyInfo {
  /** The key itself, `rl_<id>_<secret>`: shown once, never stored. */
  key: string;
}

// ─── batch jobs ──────────────────────────────────────────────────────────────

export type BatchStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type BatchRowStatus = 'ok' | 'error';

export interface BatchJob {
  id: string;
  status: BatchStatus;
  createdAt: string;
  updatedAt: string;
  keyId: string | null;
  /** Input format (csv, jsonl) and where it is / its name. */
  format: string | null;
  inputPath: string | null;
  outputPath: string | null;
  /** Rows in the input when known. */
  total: number | null;
  /** Progress counters (rows finished ok / with an error). */
  done: number;
  failed: number;
  /** Anything else the batch runner keeps (as-of date, chunking, queue ids ...). */
  options: Record<string, unknown>;
  error: string | null;
  /** The process working on it now (see claimBatchJob), and until when its claim holds. */
  claimedBy?: string | null | undefined;
  leaseUntil?: string | null | undefined;
}

export interface NewBatchJob {
  id?: string | undefined;
  status?: BatchStatus | undefined;
  keyId?: string | undefined;
  format?: string | undefined;
  inputPath?: string | undefined;
  outputPath?: string | undefined;
  total?: number | undefined;
  options?: Record<string, unknown> | undefined;
}

export type BatchJobPatch = Partial<Pick<BatchJob, 'status' | 'total' | 'done' | 'failed' | 'outputPath' | 'error' | 'options'>>;

export interface BatchRow {
  jobId: string;
  rowNo: number;
  status: BatchRowStatus;
  result: unknown;
  error: unknown;
}

// ─── rule-set snapshots ──────────────────────────────────────────────────────

/** The rule-pack files of one rule-set hash, kept so a past determination can be replayed under its own rules. */
export interface RulesetSnapshot {
  hash: string;
  version: string;
  /** Paths relative to the packs folder, with their exact text. */
  files: { path: string; text: string }[];
}

// ─── the store ───────────────────────────────────────────────────────────────

export interface Store {
  readonly engine: StoreEngine;
  /** Where it is, with any password removed (for messages). */
  readonly location: string;
  close(): Promise<void>;

  // audit log
  appendAudit(input: AuditInput): Promise<AuditRecord>;
  getAudit(seq: number): Promise<AuditRecord | undefined>;
  listAudit(query?: AuditQuery): Promise<AuditRecord[]>;
  verifyAudit(options?: AuditVerifyOptions): Promise<AuditVerification>;
  /** A signed anchor of the chain head (refuses a chain that does not verify: AuditBrokenError). */
  anchorAudit(): Promise<AuditAnchor>;

  // lists
  /** The newest version of each list (or of one list). */
  latestListVersions(): Promise<StoredListVersion[]>;
  listVersions(list?: string): Promise<StoredListVersion[]>;
  getListVersion(id: number): Promise<StoredListVersion | undefined>;
  findListVersion(list: string, hash: string): Promise<StoredListVersion | undefined>;
  /** The entries of the given versions (with their content hashes). */
  listEntries(versionIds: readonly number[]): Promise<StoredEntry[]>;
  /** One entry of the newest version of its list. */
  currentEntry(list: string, entryId: string): Promise<StoredEntry | undefined>;
  /** Adds a version (and its audit record, with `audit` as its output). */
  addListVersion(version: NewListVersion, audit?: { input?: unknown; output?: unknown }): Promise<StoredListVersion>;
  /** What `lists update` remembers per source (all sources it has seen). */
  listSourceStates(): Promise<ListSourceState[]>;
  /** Replaces the state of one source. */
  putListSourceState(state: ListSourceState): Promise<void>;
  /** Marks list versions as confirmed current by their source on a day (never moves the date back). */
  confirmListVersions(versionIds: readonly number[], day: IsoDate): Promise<void>;

  /** The review queue and saved counterparties (issue 15). */
  readonly reviewQueue: import('./cases.js').ReviewQueue;
  // counterparties
  upsertCounterparty(c: CounterpartyInput): Promise<Counterparty>;
  /** Many in one transaction, as if upserted one by one in order (each new party stored once). */
  upsertCounterparties(cs: readonly CounterpartyInput[]): Promise<void>;
  /** Audit records (in order) and the counterparties they name, in one transaction: all written or none (the API's group commit). */
  appendAudits(inputs: readonly AuditInput[], options?: { counterparties?: readonly CounterpartyInput[] | undefined }): Promise<AuditRecord[]>;
  getCounterparty(id: string): Promise<Counterparty | undefined>;
  findCounterparty(ref: CounterpartyRef): Promise<Counterparty | undefined>;
  /** Paged by id: all counterparties with id greater than `after`. */
  listCounterparties(options?: { after?: string | undefined; limit?: number | undefined }): Promise<Counterparty[]>;

  // determinations and screenings
  recordDetermination(input: DeterminationRecordInput): Promise<StoredDetermination>;
  /** Many in one transaction (one lock, one commit): for batch runs. */
  recordDeterminations(inputs: readonly DeterminationRecordInput[]): Promise<StoredDetermination[]>;
  getDetermination(id: string): Promise<StoredDetermination | undefined>;
  recordScreening(input: ScreeningRecordInput): Promise<StoredScreening>;

  // reviews
  recordReview(input: ReviewInput): Promise<ReviewRecord>;
  /** The latest decision per (counterparty, list, entry), for the given counterparties (all when omitted). */
  latestReviews(counterpartyKeys?: readonly string[]): Promise<ReviewRecord[]>;
  getReviews(ids: readonly string[]): Promise<ReviewRecord[]>;

  // rule-set snapshots
  /** Stores the snapshot unless one with its hash is stored already; true when stored now. */
  saveRulesetSnapshot(snapshot: RulesetSnapshot): Promise<boolean>;
  getRulesetSnapshot(hash: string): Promise<RulesetSnapshot | undefined>;

  // API keys
  createApiKey(options: { role: Role; name?: string | undefined }): Promise<CreatedApiKey>;
  verifyKey(key: string): Promise<{ id: string; role: Role } | undefined>;
  listApiKeys(): Promise<ApiKeyInfo[]>;
  /** True when the key existed and was not already revoked. */
  revokeApiKey(id: string): Promise<boolean>;
  /** Tells `listener` the id of every key this process revokes, at once (caches of verified keys drop it); returns an unsubscribe. */
  onKeyRevoked?(listener: (id: string) => void): () => void;

  // batch jobs
  createBatchJob(job: NewBatchJob): Promise<BatchJob>;
  getBatchJob(id: string): Promise<BatchJob | undefined>;
  updateBatchJob(id: string, patch: BatchJobPatch): Promise<BatchJob | undefined>;
  listBatchJobs(options?: { limit?: number | undefined; status?: BatchStatus | undefined }): Promise<BatchJob[]>;
  /** Inserts rows; a row already stored for (job, row_no) is kept as it is, so resume is idempotent. Returns rows newly stored. */
  putBatchRows(rows: readonly BatchRow[]): Promise<number>;
  /** Rows in row order from `fromRow` (inclusive). */
  getBatchRows(jobId: string, options?: { fromRow?: number | undefined; limit?: number | undefined }): Promise<BatchRow[]>;
  /** Counts of stored rows by status, and the highest row number stored. */
  batchRowCounts(jobId: string): Promise<{ ok: number; error: number; maxRowNo: number | null }>;
  /** Row numbers already stored within [from, to] (for a resuming worker to skip). */
  storedBatchRowNos(jobId: string, from: number, to: number): Promise<number[]>;
  /**
   * A chunk's rows and the determinations of its answered rows, in one transaction: only rows
   * not stored before are stored, and only their determinations are recorded (audit log), so a
   * chunk answered twice — a resumed job, a redelivered queue chunk, two processes racing —
   * leaves exactly one row and one audit record per (job, row). Returns the rows stored now.
   */
  storeBatchChunk(rows: readonly BatchRow[], determinations: readonly DeterminationRecordInput[]): Promise<{ stored: number[] }>;
  /** Claims a running job for `owner` for `leaseMs` (renew by claiming again); false when another process holds it. */
  claimBatchJob(id: string, owner: string, leaseMs: number): Promise<boolean>;
  releaseBatchJob(id: string, owner: string): Promise<void>;

  // ownership register (docs/ownership.md): each import is a version; nothing is overwritten
  /** Stores one validated import as a new version, all or nothing, with its audit record. */
  importOwners(input: NewOwnersImport): Promise<OwnersImport>;
  /** Every stored edge, oldest import first (for the in-memory register snapshot). */
  ownerEdges(): Promise<OwnershipEdge[]>;
  /** Edges where the folded name is the entity or the owner, oldest import first. */
  ownerEdgesFor(key: string): Promise<{ asEntity: OwnershipEdge[]; asOwner: OwnershipEdge[] }>;
  /** The latest import's id (0 when none): a register snapshot is current while this holds. */
  latestOwnersImport(): Promise<number>;
  listOwnersImports(): Promise<OwnersImport[]>;
}

export interface NewOwnersImport {
  edges: readonly OwnershipEdge[];
  source?: string | undefined;
  /** sha256 of the file as read. */
  hash: string;
  keyId?: string | undefined;
}

export interface OwnersImport {
  id: number;
  importedAt: string;
  source: string | null;
  rows: number;
  hash: string;
  keyId: string | null;
}
