// Types for serve.mjs.
export interface ServeOptions {
  /** 0 (default) picks a free port */
  port?: number;
  /** called once per request after the response status is known */
  onRequest?: (info: { method: string; url: string; status: number }) => void;
  /** pages made on request, by pathname ("/hostile/huge.html") */
  routes?: Record<string, () => RouteResponse | Promise<RouteResponse>>;
}
export interface RouteResponse {
  /** Content-Type */
  type: string;
  body: string | Uint8Array;
}
export interface Served {
  /** "http://127.0.0.1:<port>/" */
  url: string;
  port: number;
  close(): Promise<void>;
}
export function serveDir(dir: string, options?: ServeOptions): Promise<Served>;
