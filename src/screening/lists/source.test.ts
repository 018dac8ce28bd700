import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseSourceDate, isoDatePart } from './source.js';

const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('source date choice', () => {
  it('prefers the publisher date, then Last-Modified, then the newest entry, then the fetch time', () => {
    const fetchedAt = '2026-12-04';
    expect(chooseSourceDate({ sourceDate: '2026-12-01', sourceDateKind: 'publisher' }, { lastModified: '2026-12-03', fetchedAt })).toEqual({ sourceDate: '2026-12-01', sourceDateKind: 'publisher' });
    expect(chooseSourceDate({ sourceDate: '2026-11-01', sourceDateKind: 'newest-entry' }, { lastModified: '2026-12-03', fetchedAt })).toEqual({ sourceDate: '2026-12-03', sourceDateKind: 'http-last-modified' });
    expect(chooseSourceDate({ sourceDate: '2026-11-01', sourceDateKind: 'newest-entry' }, { fetchedAt })).toEqual({ sourceDate: '2026-11-01', sourceDateKind: 'newest-entry' });
    expect(chooseSourceDate({}, { fetchedAt })).toEqual({ sourceDate: fetchedAt, sourceDateKind: 'fetched' });
    // A publisher date after the fetch is a clock or file error: not trusted over Last-Modified.
    expect(chooseSourceDate({ sourceDate: '2027-01-01', sourceDateKind: 'publisher' }, { lastModified: '2026-12-03', fetchedAt })).toEqual({ sourceDate: '2026-12-03', sourceDateKind: 'http-last-modified' });
  });

  it('never returns a date after the fetch', () => {
    fc.assert(
      fc.property(fc.option(day, { nil: undefined }), fc.constantFrom('publisher', 'newest-entry', undefined), fc.option(day, { nil: undefined }), day, (sourceDate, kind, lastModified, fetchedAt) => {
        const got = chooseSourceDate({ sourceDate, sourceDateKind: kind as 'publisher' | undefined }, { lastModified: lastModified && lastModified <= fetchedAt ? lastModified : undefined, fetchedAt });
        expect(got.sourceDate <= fetchedAt).toBe(true);
      }),
    );
  });

  it('reads the date part of the timestamps publishers write', () => {
    expect(isoDatePart('2026-02-27T00:00:09.554Z')).toBe('2026-02-27');
    expect(isoDatePart('2024-05-03T17:15:43.713+02:00')).toBe('2024-05-03');
    expect(isoDatePart('2024-13-03T00:00:00Z')).toBeUndefined();
    expect(isoDatePart(undefined)).toBeUndefined();
  });
});
