import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../bundle/paths.js';
import { uploadsDirFor } from './server.js';

describe('uploads were kept in <package>/data/runtime/uploads even when --db pointed elsewhere', () => {
  it('keeps uploads beside the SQLite store it serves', () => {
    expect(uploadsDirFor('/srv/redline/store.sqlite', {})).toBe('/srv/redline/uploads');
    expect(uploadsDirFor('sqlite:///var/lib/r/x.db', {})).toBe('/var/lib/r/uploads');
    expect(uploadsDirFor('rel/dir/s.sqlite', {})).toBe(resolve('rel/dir/uploads'));
  });

  it('REDLINE_UPLOADS overrides; a PostgreSQL store has no folder, so data/runtime/uploads', () => {
    expect(uploadsDirFor('/srv/redline/store.sqlite', { REDLINE_UPLOADS: '/data/up' })).toBe('/data/up');
    expect(uploadsDirFor('postgres://u@127.0.0.1/db', {})).toBe(join(DATA_DIR, 'runtime', 'uploads'));
  });
});
