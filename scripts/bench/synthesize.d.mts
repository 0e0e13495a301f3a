/** Types of synthesize.mjs (the benchmark's synthetic corpus), for the tests that use it. */
export function synthesize(outDir: string, count?: number, seed?: number, targetBytes?: number): { documents: number; bytes: number };
