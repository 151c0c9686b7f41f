// Tiny static file server for the demo page and the e2e fixtures.
// Listens on 127.0.0.1 only. No directory listings, no traversal outside `dir`.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serve the files under `dir` on http://127.0.0.1:<port>/.
 * @param {string} dir
 * @param {{port?: number, onRequest?: (info: {method: string, url: string, status: number}) => void,
 *   routes?: Record<string, () => {type: string, body: string | Buffer} | Promise<{type: string, body: string | Buffer}>>}} [options]
 *   routes: pages made on request (by pathname), for test pages too large or too derived to keep as files.
 * @returns {Promise<{url: string, port: number, close(): Promise<void>}>}
 *   `url` ends with a slash, e.g. "http://127.0.0.1:40123/".
 */
export async function serveDir(dir, { port = 0, onRequest, routes = {} } = {}) {
  const root = path.resolve(dir);
  const rootStat = await fs.stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) throw new Error(`serveDir: not a directory: ${root}`);

  const server = http.createServer(async (req, res) => {
    let status = 500;
    try {
      status = await handle(root, req, res, routes);
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'Internal server error\n');
      else res.destroy(err);
    } finally {
      onRequest?.({ method: req.method ?? '', url: req.url ?? '', status });
    }
  });
  // Keep-alive sockets would make close() wait; track and destroy them.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  let closed = null;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close() {
      closed ??= new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closed;
    },
  };
}

/** @returns {Promise<number>} the status sent */
async function handle(root, req, res, routes) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed\n');
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad request\n');
  }
  if (pathname.includes('\0')) return send(res, 400, 'Bad request\n');
  if (Object.hasOwn(routes, pathname)) {
    const { type, body } = await routes[pathname]();
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return 200;
  }

  // Resolve against root and refuse anything that escapes it (.., encoded .., absolute tricks).
  const file = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden\n');

  let target = file;
  let stat = await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      // Redirect /dir to /dir/ so relative links resolve.
      res.writeHead(301, { Location: pathname + '/' });
      res.end();
      return 301;
    }
    target = path.join(target, 'index.html');
    stat = await fs.stat(target).catch(() => null);
  }
  if (!stat?.isFile()) return send(res, 404, 'Not found\n');

  // Symlinks must not lead outside root either.
  const real = await fs.realpath(target);
  const realRoot = await fs.realpath(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return send(res, 403, 'Forbidden\n');

  const body = await fs.readFile(real);
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return 200;
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
  return status;
}
