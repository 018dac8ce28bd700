/**
 * The numbers of ECCN 3A090 and the dates each version of the entry took effect.
 * Sources: rules.md §1.1–1.3 (15 CFR 774 Supp. 1, ECCN 3A090, CCL snapshot 2026-07-23) and §1.5
 * (the October-2022 text), §1.15 (timeline).
 */

/** 87 FR 62186: 3A090 and 4A090 first exist (effective 2022-10-07). */
export const REGIME_OCT_2022 = '2022-10-07';
/** 88 FR 73458: TPP / performance-density thresholds and the datacenter note (effective 2023-11-17). */
export const REGIME_NOV_2023 = '2023-11-17';
/** 89 FR 96790: 3A090.c (high-bandwidth memory) added (effective 2024-12-02). */
export const HBM_FROM = '2024-12-02';

/** October-2022 3A090.a: TPP ≥ 4800 *and* aggregate bidirectional I/O ≥ 600 GB/s. */
export const OCT2022_TPP = 4800;
export const OCT2022_IO_GBS = 600;

/** 3A090.a.1 and the datacenter note's TPP line. */
export const TPP_A1 = 4800;
/** Every .a/.b prong needs at least this TPP (a.2, b.2). */
export const TPP_FLOOR = 1600;
/** b.1's TPP floor. */
export const TPP_B1 = 2400;
/** a.2 PD floor; also the ceiling of both .b prongs. */
export const PD_A2 = 5.92;
/** b.2 PD floor. */
export const PD_B2 = 3.2;
/** b.1 PD floor. */
export const PD_B1 = 1.6;

/** 3A090.c: memory bandwidth density strictly *more than* 2.0 GB/s/mm². */
export const HBM_DENSITY = 2.0;

/**
 * 3A991.p as rules.md §1.2 summarises it (ICs n.e.s. with ≥ 8 TOPS or ≥ 150 GB/s aggregate
 * bidirectional I/O, AT only). Only reported as a hint: the code stays NOT_3A090.
 */
export const HINT_3A991P_TOPS = 8;
export const HINT_3A991P_IO_GBS = 150;
