// The loopback host: the same API as the Electron app, over HTTP on 127.0.0.1, serving the
// built renderer. For machines without an Electron binary and for Playwright.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { EML_MAX_BASE64_CHARS } from '../../preload/contract/inbox';
import { createApi, type ApiCall } from '../api';
import { VaultManager } from '../vault/service';
import { startAutoBackups } from '../backup/schedule';
import { startAutoLock } from './auto-lock';
import { FileAccess } from '../files/access';
import { CONTENT_SECURITY_POLICY } from './csp';
import { allowedDirs, argValue, resolveDataDir } from './paths';

/**
 * The largest request body: one .eml file at its limit (plus the slack that lets a slightly
 * larger file get its own TOO_LARGE) as base64, and 1 MiB for the JSON around it. Derived from
 * the contract's one limit, so a message under 25 MB is never refused as "Body too large".
 */
export const MAX_BODY_BYTES = EML_MAX_BASE64_CHARS + 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.otf': 'font/otf',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface HttpHostOptions {
  port: number;
  rendererDir: string;
  vault: VaultManager;
  token?: string;
  api?: ApiCall;
}

export interface HttpHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const api = options.api ?? createApi(options.vault);
  const tokenBytes = Buffer.from(`Bearer ${token}`);
  let port = options.port;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Request failed.' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host.
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, { error: 'Forbidden host' });
    const origin = req.headers.origin;
    // A browser sends Origin on cross-origin and on POST requests: it must be this very page.
    if (origin !== undefined && origin !== `http://${req.headers.host}`) {
      return send(res, 403, { error: 'Forbidden origin' });
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    } catch {
      return send(res, 400, { error: 'Bad address' });
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { error: 'Use POST' });
      const auth = Buffer.from(req.headers.authorization ?? '');
      if (auth.length !== tokenBytes.length || !timingSafeEqual(auth, tokenBytes)) {
        return send(res, 401, { error: 'Missing or wrong token' });
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY_BYTES) return send(res, 413, { error: 'Body too large' }, true);
      const body = await readBody(req);
      if (body === 'too-large') return send(res, 413, { error: 'Body too large' }, true);
      const channel = decodePath(url.pathname.slice('/api/'.length));
      if (channel === null) return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The channel name in the address is not valid percent-encoding.' } });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not JSON.' } });
      } finally {
        // The body may hold a passphrase: its bytes go now, not when the collector gets to them
        // (the parsed strings cannot be wiped: see main/store/keyfile.ts).
        body.fill(0);
      }
      return send(res, 200, await api(channel, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Method not allowed' });
    return serveStatic(url.pathname, res, options.rendererDir);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolveBody('too-large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(json);
}

/** decodeURIComponent that answers null for malformed escapes ("%E0%A4%A") instead of throwing. */
export function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function serveStatic(pathname: string, res: ServerResponse, rendererDir: string): void {
  const root = resolve(rendererDir);
  const decoded = decodePath(pathname);
  if (decoded === null || decoded.includes('\0')) return send(res, 400, { error: 'Bad path' });
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let file = resolve(root, relative || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) return send(res, 403, { error: 'Forbidden path' });
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return send(res, 404, { error: 'Renderer not built: run npm run build' });
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

/** Entry point: `node out/main/http.cjs [--port N] [--data-dir DIR]`. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const portArg = argValue(argv, '--port');
  const port = portArg ? Number.parseInt(portArg, 10) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${portArg}"`);
    process.exit(2);
  }
  // DPO_CLOCK_START: the vault's clock starts at this instant and runs on (journeys that need a
  // date, such as a request received in late December; never set in the installed app).
  const clockStart = process.env.DPO_CLOCK_START;
  const shift = clockStart ? Date.parse(clockStart) - Date.now() : 0;
  if (clockStart && Number.isNaN(shift)) {
    console.error(`DPO_CLOCK_START must be an ISO instant, not "${clockStart}"`);
    process.exit(2);
  }
  const vault = new VaultManager({ dataDir, files: new FileAccess({ extraRoots: allowedDirs(argv) }), ...(clockStart ? { now: () => new Date(Date.now() + shift) } : {}) });
  if (clockStart) console.log(`Clock starts at ${clockStart} (DPO_CLOCK_START)`);
  const stopAutoLock = startAutoLock(vault);
  const stopAutoBackups = startAutoBackups(vault);
  const host = await startHttpHost({ port, vault, rendererDir: resolve(__dirname, '../renderer') });
  console.log(`DPO Workstation listening at ${host.url}`);
  const shutdown = () => {
    stopAutoLock();
    stopAutoBackups();
    vault.close();
    void host.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (typeof require !== 'undefined' && require.main === module) {
  void main();
}
