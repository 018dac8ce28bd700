export const JURISDICTIONS = ['US', 'JP', 'NL', 'CN', 'EU'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
