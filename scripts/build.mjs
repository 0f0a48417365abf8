// Builds the three environments with Vite: the renderer (browser), main and bench (Node,
// CommonJS), and the preload (one bundled CommonJS file, so the Electron sandbox can stay on).
// DPO_OUT_DIR lets parallel builds (e.g. several Playwright runs) use separate folders.
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.env.DPO_OUT_DIR ?? 'out');
const nodeExternal = ['electron', 'better-sqlite3-multiple-ciphers', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const nodeBuild = (input, outDir) => ({
  configFile: false,
  root,
  logLevel: 'warn',
  ssr: { noExternal: true, external: ['electron', 'better-sqlite3-multiple-ciphers'] },
  build: {
    ssr: true,
    target: 'node20',
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rollupOptions: { input, external: nodeExternal, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
  },
});

await build({
  configFile: false,
  root: resolve(root, 'renderer'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: resolve(out, 'renderer'), emptyOutDir: true, target: 'chrome120', sourcemap: true },
});
await build(nodeBuild({ http: resolve(root, 'main/host/http.ts'), electron: resolve(root, 'main/host/electron.ts') }, resolve(out, 'main')));
await build(nodeBuild({ bench: resolve(root, 'bench/bench.ts') }, resolve(out, 'bench')));
await build(nodeBuild({ index: resolve(root, 'preload/index.ts') }, resolve(out, 'preload')));
console.log(`built into ${out}`);
