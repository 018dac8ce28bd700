/**
 * The PostgreSQL role set-up where the service account can only INSERT and SELECT the audit
 * log (src/store/README.md, "PostgreSQL roles"). The owner role creates and migrates the
 * schema and owns the append-only trigger; the service role gets these grants. Without
 * UPDATE, DELETE and TRUNCATE on audit_log and without ownership, it cannot change or remove
 * a record nor drop or disable the trigger; what it can still do (append, move the head) the
 * audit key's seals catch.
 */
const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function serviceRoleGrants(schema: string, role: string): string[] {
  for (const [what, v] of [['schema', schema], ['role', role]] as const) {
    if (!IDENT.test(v)) throw new Error(`${what} ${JSON.stringify(v)} must be a plain identifier (letters, digits, _)`);
  }
  return [
    `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
    // The audit log: insert and read, nothing else.
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${schema}.audit_log FROM ${role}`,
    // Migrations are the owner's: the service reads which ran, and changes nothing there.
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${schema}.kysely_migration, ${schema}.kysely_migration_lock FROM ${role}`,
  ];
}
