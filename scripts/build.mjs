// Builds the three environments with Vite: the renderer (browser), main and bench (Node,
// CommonJS), and the preload (one bundled CommonJS file, so the Electron sandbox can stay on).
// DPO_OUT_DIR lets parallel builds (e.g. several Playwright runs) use separate folders.
// DPO_BUILD_ID names the build (default: the commit, "+dirty" with local changes), shown in About.
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build, runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.env.DPO_OUT_DIR ?? 'out');
const nodeExternal = ['electron', 'better-sqlite3-multiple-ciphers', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function gitBuildId() {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const commit = git('rev-parse', '--short=8', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${commit}+dirty` : commit;
  } catch {
    return 'unversioned'; // a source tree without git (e.g. an unpacked tarball)
  }
}
const buildId = process.env.DPO_BUILD_ID || gitBuildId();

// The policy has one home (main/host/csp.ts); the page carries it as a <meta> tag too.
// runnerImport resolves a dev-server config, which sets NODE_ENV=development for the rest of this
// process; the builds below would then ship React's development build (issue 16 found it: every
// element took a stack trace, and list scrolling had frames of half a second). Put it back.
const nodeEnv = process.env.NODE_ENV;
const { module: csp } = await runnerImport(resolve(root, 'main/host/csp.ts'));
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;
const cspMeta = {
  name: 'dpo-csp-meta',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp.META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
};

const nodeBuild = (input, outDir, external = []) => ({
  configFile: false,
  root,
  logLevel: 'warn',
  define: { __DPO_BUILD_ID__: JSON.stringify(buildId) },
  ssr: { noExternal: true, external: ['electron', 'better-sqlite3-multiple-ciphers', ...external] },
  build: {
    ssr: true,
    target: 'node20',
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rollupOptions: { input, external: [...nodeExternal, ...external], output: { format: 'cjs', entryFileNames: '[name].cjs' } },
  },
});

await build({
  configFile: false,
  root: resolve(root, 'renderer'),
  base: './',
  logLevel: 'warn',
  plugins: [react(), cspMeta],
  build: { outDir: resolve(out, 'renderer'), emptyOutDir: true, target: 'chrome120', sourcemap: true },
});
await build(nodeBuild({ http: resolve(root, 'main/host/http.ts'), electron: resolve(root, 'main/host/electron.ts') }, resolve(out, 'main')));
// The renderer bench drives Chromium through Playwright, loaded from node_modules as it is.
await build(nodeBuild({ bench: resolve(root, 'bench/bench.ts') }, resolve(out, 'bench'), ['@playwright/test', 'playwright-core']));
await build(nodeBuild({ index: resolve(root, 'preload/index.ts') }, resolve(out, 'preload')));
console.log(`built ${buildId} into ${out}`);
