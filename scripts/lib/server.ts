/**
 * A tiny static file server for the built site, the way a static host serves
 * it: a folder answers with its index.html, a folder without its trailing
 * slash redirects to it, a missing file answers 404 with dist/404.html, text
 * goes gzipped to a browser that asks for it, and every file gets the headers
 * that the site's `_headers` file asks for. It records what it sent, so that
 * the browser tests and the benchmarks measure a page's cost at the server
 * (the page's own resource timings miss a worker's requests).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { headersFor, parseHeadersFile } from './headers.ts';
import { DIST } from './paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The Content-Type header for a file name; unknown kinds (Pagefind's `.pf_*` chunks) are bytes. */
export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A response the server sent. */
export interface Sent {
  /** The file's absolute path. */
  file: string;
  /** Bytes of the body as sent (gzipped when it was). */
  body: number;
  /** Bytes written on the connection for this response, headers included. */
  wire: number;
  /** When the response finished, in ms since the epoch. */
  at: number;
}

export interface StaticServer {
  /** The origin, `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** Every file sent so far, in the order the responses finished (a test may empty it); what a page costs is measured from this. */
  served: Sent[];
  close(): Promise<void>;
}

async function fileAt(file: string): Promise<{ file: string; size: number } | 'dir' | null> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) return 'dir';
    if (s.isFile()) return { file, size: s.size };
  } catch {
    /* not there */
  }
  return null;
}

/** Whether a static host compresses a content type: text, JSON, XML, SVG and WebAssembly. */
export function isCompressible(type: string): boolean {
  return /^(text\/|application\/(json|javascript|xml|manifest\+json|wasm)|image\/svg)/.test(type);
}

/** Gzip once per file: the benchmarks load the same files many times. */
const gzipped = new Map<string, Buffer>();
const gzipOf = (file: string) => gzipped.get(file) ?? gzipped.set(file, gzipSync(readFileSync(file))).get(file)!;

/** The longest request head the server reads: a 5,000-term search link is about 100 KiB. */
const MAX_ADDRESS = 1024 * 1024;

/** Serves `root` (default dist/) on 127.0.0.1 at a free port. */
export async function startServer(root: string = DIST): Promise<StaticServer> {
  const top = path.resolve(root);
  const notFound = path.join(top, '404.html');
  const headersFile = path.join(top, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];

  const served: Sent[] = [];
  const written = new WeakMap<Socket, number>();
  // Browsers send addresses of up to 2 MB; the tests of hostile addresses
  // open some far longer than Node's default limit of 16 KiB of headers.
  const server = http.createServer({ maxHeaderSize: MAX_ADDRESS }, async (req, res) => {
    const send = (status: number, found: { file: string; size: number }) => {
      const type = contentType(found.file);
      const gzip = isCompressible(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = gzip ? gzipOf(found.file) : null;
      res.on('finish', () => {
        const socket = req.socket;
        const before = written.get(socket) ?? 0;
        written.set(socket, socket.bytesWritten);
        served.push({ file: found.file, body: body ? body.length : found.size, wire: socket.bytesWritten - before, at: Date.now() });
      });
      res.writeHead(status, {
        'Cache-Control': 'no-cache',
        ...headersFor(rules, pathname),
        'Content-Type': type,
        'Content-Length': body ? body.length : found.size,
        ...(body ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      });
      if (req.method === 'HEAD') res.end();
      else if (body) res.end(body);
      else createReadStream(found.file).pipe(res);
    };
    const plain = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : text);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'method not allowed', { Allow: 'GET, HEAD' });

    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'bad request');
    }
    const target = path.join(top, pathname);
    if (target !== top && !target.startsWith(top + path.sep)) return plain(403, 'forbidden');

    let found = await fileAt(target);
    if (found === 'dir') {
      if (!url.pathname.endsWith('/')) {
        return plain(301, 'moved', { Location: url.pathname + '/' + url.search });
      }
      found = await fileAt(path.join(target, 'index.html'));
      if (found === 'dir') found = null;
    }
    if (found) return send(200, found);

    const page404 = await fileAt(notFound);
    if (page404 && page404 !== 'dir') return send(404, page404);
    return plain(404, 'not found');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
