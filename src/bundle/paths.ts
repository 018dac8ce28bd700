import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** The package root, whether running from src/ (tests) or dist/ (the CLI): both sit one level down. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = resolve(PACKAGE_ROOT, 'data');
export const PACKS_DIR = resolve(DATA_DIR, 'packs');
export const CATALOGUE_DIR = resolve(DATA_DIR, 'catalogue');
export const LISTS_DIR = resolve(DATA_DIR, 'lists');
