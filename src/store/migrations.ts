import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { StoreEngine } from './types.js';

/**
 * Migrations live in code (no migration folder to ship or find at run time)
 * and are written once for both engines; the few differences (auto ids,
 * triggers) branch on the engine. Never edit a released migration: add one.
 */
function migrations(engine: StoreEngine): Record<string, Migration> {
  return {
    '0001_initial': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('audit_log')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text')
          .addColumn('ref', 'text')
          .addColumn('input_json', 'text', (c) => c.notNull())
          .addColumn('output_json', 'text', (c) => c.notNull())
          .addColumn('ruleset_json', 'text')
          .addColumn('lists_json', 'text')
          .addColumn('meta_json', 'text')
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_log_kind').on('audit_log').columns(['kind', 'seq']).execute();
        await db.schema.createIndex('audit_log_ref').on('audit_log').column('ref').execute();
        await db.schema
          .createTable('audit_head')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();
        await appendOnlyTriggers(db, engine);

        await db.schema
          .createTable('list_versions')
          .addColumn('id', engine === 'postgres' ? 'serial' : 'integer', (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('list', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('source_date', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('entries', 'integer', (c) => c.notNull())
          .addColumn('bundled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('loaded_at', 'text', (c) => c.notNull())
          .addColumn('source', 'text')
          .addColumn('format', 'text')
          .addColumn('key_id', 'text')
          .addUniqueConstraint('list_versions_list_version', ['list', 'version'])
          .execute();
        await db.schema.createIndex('list_versions_hash').on('list_versions').columns(['list', 'hash']).execute();
        await db.schema
          .createTable('entry_contents')
          .addColumn('hash', 'text', (c) => c.primaryKey())
          .addColumn('list', 'text', (c) => c.notNull())
          .addColumn('entry_id', 'text', (c) => c.notNull())
          .addColumn('entry_json', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('list_version_entries')
          .addColumn('version_id', 'integer', (c) => c.notNull().references('list_versions.id'))
          .addColumn('entry_id', 'text', (c) => c.notNull())
          .addColumn('entry_hash', 'text', (c) => c.notNull())
          // File order, so a screener rebuilt from a stored version indexes entries exactly as the original did.
          .addColumn('pos', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('list_version_entries_pk', ['version_id', 'entry_id'])
          .execute();

        await db.schema
          .createTable('counterparties')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('key', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('country', 'text')
          .addColumn('address', 'text')
          .addColumn('aliases_json', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_screened_at', 'text')
          .addColumn('last_screening_json', 'text')
          .execute();
        await db.schema
          .createTable('determinations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('audit_seq', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text')
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('as_of', 'text', (c) => c.notNull())
          .addColumn('input_json', 'text', (c) => c.notNull())
          .addColumn('output_json', 'text', (c) => c.notNull())
          .addColumn('options_json', 'text', (c) => c.notNull())
          .addColumn('lists_json', 'text', (c) => c.notNull())
          .addColumn('batch_job_id', 'text')
          .addColumn('batch_row_no', 'integer')
          .execute();
        await db.schema.createIndex('determinations_batch').on('determinations').columns(['batch_job_id', 'batch_row_no']).execute();
        await db.schema
          .createTable('screenings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('audit_seq', 'integer', (c) => c.notNull())
          .addColumn('counterparty_id', 'text', (c) => c.notNull().references('counterparties.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text')
          .addColumn('query', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('result_json', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('screenings_counterparty').on('screenings').column('counterparty_id').execute();
        await db.schema
          .createTable('reviews')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('counterparty_id', 'text', (c) => c.notNull().references('counterparties.id'))
          .addColumn('counterparty_key', 'text', (c) => c.notNull())
          .addColumn('list', 'text', (c) => c.notNull())
          .addColumn('entry_id', 'text', (c) => c.notNull())
          .addColumn('entry_hash', 'text', (c) => c.notNull())
          .addColumn('decision', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('audit_seq', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('reviews_party_entry').on('reviews').columns(['counterparty_key', 'list', 'entry_id']).execute();

        await db.schema
          .createTable('api_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text')
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('key_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_used_at', 'text')
          .addColumn('revoked_at', 'text')
          .execute();

        await db.schema
          .createTable('batch_jobs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text')
          .addColumn('format', 'text')
          .addColumn('input_path', 'text')
          .addColumn('output_path', 'text')
          .addColumn('total', 'integer')
          .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('options_json', 'text', (c) => c.notNull())
          .addColumn('error', 'text')
          .execute();
        await db.schema
          .createTable('batch_rows')
          .addColumn('job_id', 'text', (c) => c.notNull().references('batch_jobs.id'))
          .addColumn('row_no', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('result_json', 'text')
          .addColumn('error_json', 'text')
          // A resumed job re-inserting a finished row must be a no-op, never a duplicate.
          .addPrimaryKeyConstraint('batch_rows_pk', ['job_id', 'row_no'])
          .execute();
      },
    },
    '0002_ruleset_snapshots': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('ruleset_snapshots')
          .addColumn('hash', 'text', (c) => c.primaryKey())
          .addColumn('version', 'text', (c) => c.notNull())
          .addColumn('files_json', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    // Issue 12: the ownership register. Imports are versions; edges are never updated in place.
    '0010_i12_ownership': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('owner_imports')
          .addColumn('id', engine === 'postgres' ? 'serial' : 'integer', (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('imported_at', 'text', (c) => c.notNull())
          .addColumn('source', 'text')
          .addColumn('rows', 'integer', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text')
          .execute();
        await db.schema
          .createTable('owner_edges')
          .addColumn('import_id', 'integer', (c) => c.notNull().references('owner_imports.id'))
          .addColumn('line', 'integer', (c) => c.notNull())
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_key', 'text', (c) => c.notNull())
          .addColumn('owner', 'text', (c) => c.notNull())
          .addColumn('owner_key', 'text', (c) => c.notNull())
          .addColumn('share', 'real')
          .addColumn('as_of', 'text', (c) => c.notNull())
          .addColumn('source', 'text')
          .addPrimaryKeyConstraint('owner_edges_pk', ['import_id', 'line'])
          .execute();
        await db.schema.createIndex('owner_edges_entity').on('owner_edges').column('entity_key').execute();
        await db.schema.createIndex('owner_edges_owner').on('owner_edges').column('owner_key').execute();
      },
    },
    // Issue 15: the review queue (cases with their history), saved counterparties with every name
    // they are known by, and clearances that can expire.
    '0012_i15_review_queue': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('reviews').addColumn('expires_at', 'text').execute();
        await db.schema
          .createTable('review_cases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('dedupe_key', 'text', (c) => c.notNull())
          .addColumn('order_ref', 'text')
          .addColumn('counterparty_name', 'text')
          .addColumn('counterparty_country', 'text')
          .addColumn('saved_counterparty_id', 'text')
          .addColumn('list', 'text')
          .addColumn('entry_id', 'text')
          .addColumn('entry_name', 'text')
          .addColumn('entry_hash', 'text')
          .addColumn('score', 'real')
          .addColumn('detail_json', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('source_ref', 'text')
          .addColumn('owner', 'text')
          .addColumn('pending_json', 'text')
          .addColumn('decided_by', 'text')
          .addColumn('reason', 'text')
          .addColumn('expires_at', 'text')
          .addColumn('review_ids_json', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('review_cases_dedupe').on('review_cases').columns(['dedupe_key', 'status']).execute();
        await db.schema
          .createTable('review_case_events')
          .addColumn('id', engine === 'postgres' ? 'serial' : 'integer', (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('case_id', 'text', (c) => c.notNull().references('review_cases.id'))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('text', 'text')
          .addColumn('audit_seq', 'integer', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('saved_counterparties')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('names_json', 'text', (c) => c.notNull())
          .addColumn('country', 'text')
          .addColumn('headquarters', 'text')
          .addColumn('ultimate_parent', 'text')
          .addColumn('type', 'text')
          .addColumn('owners_json', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    // Issue 11: what `lists update` remembers per configured source (validators for a conditional
    // GET, the last success and failure), and which date a list version's source date is.
    '0013_i11_list_sources': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('list_sources')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('etag', 'text')
          .addColumn('last_modified', 'text')
          .addColumn('content_hash', 'text')
          .addColumn('lists_json', 'text', (c) => c.notNull())
          .addColumn('last_status', 'text')
          .addColumn('last_checked_at', 'text')
          .addColumn('last_success_at', 'text')
          .addColumn('last_failure_at', 'text')
          .addColumn('last_error', 'text')
          .execute();
        await db.schema.alterTable('list_versions').addColumn('source_date_kind', 'text').execute();
        // The last day an update found the source still publishing this version's content.
        await db.schema.alterTable('list_versions').addColumn('current_as_of', 'text').execute();
      },
    },
    // Issue 14: records and the chain head sealed with an audit key the database does not hold
    // (audit-key.ts). Records from before have no key id and verify as a plain SHA-256 chain.
    '0014_i14a_audit_keys': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('audit_log').addColumn('mac_key', 'text').execute();
        await db.schema.alterTable('audit_head').addColumn('mac', 'text').execute();
        await db.schema.alterTable('audit_head').addColumn('mac_key', 'text').execute();
      },
    },
    // Issue 14: a batch job is worked on by one process at a time. A process claims it with a
    // conditional UPDATE and holds it by renewing a lease; a process that died lets go when its
    // lease runs out, and another one resumes the job.
    '0015_i14_batch_claims': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('batch_jobs').addColumn('claimed_by', 'text').execute();
        await db.schema.alterTable('batch_jobs').addColumn('lease_until', 'text').execute();
      },
    },
  };
}

/**
 * The database itself refuses UPDATE and DELETE on the audit log, so a careless
 * client cannot change it. It does not stop someone with the owner's rights: they
 * can drop the trigger, or simply INSERT. What catches them is the audit key, which
 * the database does not hold (0014, audit-key.ts): records and the head are sealed
 * with an HMAC under it, so a forged append, a re-chained edit or a rewound head
 * fails `audit verify`; a signed anchor (`audit anchor`) also catches a truncation
 * to an earlier head and a rewrite of records from before the key.
 */
async function appendOnlyTriggers(db: Kysely<any>, engine: StoreEngine): Promise<void> {
  if (engine === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`CREATE TRIGGER audit_log_no_${op.toLowerCase()} BEFORE ${op} ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`)
        .execute(db);
    }
    return;
  }
  await sql
    .raw(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`)
    .execute(db);
  await sql.raw(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`).execute(db);
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly engine: StoreEngine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.engine);
  }
}

/** Brings the schema up to date; fails with the migration's own error if one cannot run. */
export async function migrateToLatest(db: Kysely<any>, engine: StoreEngine, schema?: string): Promise<void> {
  // The schema named: Kysely otherwise finds its tables in ANY schema (another store's) and skips creating them here.
  const migrator = new Migrator({ db, provider: new InCodeProvider(engine), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`store migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
}
