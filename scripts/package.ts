// Store packages: the Chrome Web Store zip (dist/) and the Firefox add-on (dist-firefox/), both
// built from this tree, zipped into artifacts/, the Firefox one checked with Mozilla's linter.
// Usage: npm run package
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const artifacts = join(root, 'artifacts');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

const manifestVersion = (JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { version: string }).version;
const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
if (manifestVersion !== packageVersion) throw new Error(`manifest.json says ${manifestVersion}, package.json ${packageVersion}: bump both`);

run(bin('vite'), ['build', '--logLevel', 'warn']);
run(bin('vite'), ['build', '--config', 'vite.firefox.config.ts', '--logLevel', 'warn'], { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' });
// Errors fail the package; warnings (APIs Firefox lacks, behind run-time checks) are listed.
run(bin('web-ext'), ['lint', '--source-dir', 'dist-firefox', '--no-input']);

for (const [browser, dir] of [
  ['chrome', 'dist'],
  ['firefox', 'dist-firefox'],
] as const) {
  const filename = `voip-widget-${browser}-${manifestVersion}.zip`;
  run(bin('web-ext'), ['build', '--source-dir', dir, '--artifacts-dir', artifacts, '--filename', filename, '--overwrite-dest', '--no-input']);
  console.log(`${join('artifacts', filename)}: ${(statSync(join(artifacts, filename)).size / 1024).toFixed(0)} KiB`);
}
