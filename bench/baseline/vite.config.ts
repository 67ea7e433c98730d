import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Builds the plain JsSIP page the softphone benchmarks compare against.
export default defineConfig({
  root: resolve(import.meta.dirname),
  build: { outDir: resolve(import.meta.dirname, '../../dist-bench/baseline'), emptyOutDir: true, target: 'chrome116' },
  logLevel: 'warn',
});
