// `npm start`: the Electron app where an Electron binary exists, otherwise the loopback HTTP
// host (same API, same vault folder), with one line saying why.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const { path, reason } = electronBinary();
const child = path
  ? spawn(path, [root, ...args], { stdio: 'inherit' })
  : (console.log(`Electron is not available here (${reason}); starting the loopback HTTP host instead — open the address below in a browser.`),
    spawn(process.execPath, [resolve(root, 'out/main/http.cjs'), ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
