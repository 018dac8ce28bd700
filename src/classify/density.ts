/**
 * Performance density = TPP ÷ applicable die area (rules.md §1.1). Undefined when either is
 * unknown or the area is not positive (no applicable die: the ratio means nothing).
 */
export function performanceDensity(tpp: number | undefined, areaMm2: number | undefined): number | undefined {
  if (tpp === undefined || areaMm2 === undefined || !(areaMm2 > 0)) return undefined;
  return tpp / areaMm2;
}

/**
 * Memory bandwidth density for 3A090.c = bandwidth (GB/s) ÷ package or stack area (mm²)
 * (rules.md §1.1). Undefined when either is unknown.
 */
export function memoryBandwidthDensity(bandwidthGBs: number | undefined, packageAreaMm2: number | undefined): number | undefined {
  if (bandwidthGBs === undefined || packageAreaMm2 === undefined || !(packageAreaMm2 > 0)) return undefined;
  return bandwidthGBs / packageAreaMm2;
}
