/**
 * The site list's rules: what a site is (a normalized hostname), which hostnames a listed site
 * covers, and whether Context Cards runs on a page by the settings.
 */
import { MAX_SITES, type Settings } from '../core/settings-model';

/** The longest DNS name. */
export const MAX_SITE_LENGTH = 253;

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * A site as the site list keeps it: the lowercase ASCII hostname (IDN in punycode), without port,
 * path, trailing dot or a leading "*." — or null when the input names no site.
 *
 * Accepts a full page URL (scheme, host, path) or a bare hostname ("Example.com:8080").
 * Only http(s) URLs name a site: file:, about:, chrome: and the like give null.
 *
 * "www.": one leading "www." label is removed when a domain with a dot remains, so
 * "www.example.com" and "example.com" are the same entry ("www.com" stays as it is). Users type
 * either and mean the site; since a listed site also covers its subdomains (see `siteMatches`),
 * "example.com" covers www.example.com anyway.
 */
export function normalizeHostname(input: string): string | null {
  if (typeof input !== 'string') return null;
  let text = input.trim();
  if (text === '' || text.length > 2048) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme && text.slice(scheme.length + 1).startsWith('//')) {
    if (scheme !== 'http' && scheme !== 'https') return null;
  } else {
    if (text.startsWith('*.')) text = text.slice(2);
    text = `http://${text}`;
  }
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('www.') && host.indexOf('.', 4) > 4) host = host.slice(4);
  if (host === '' || host.length > MAX_SITE_LENGTH) return null;
  if (host.startsWith('[') && host.endsWith(']')) return host; // IPv6, as URL wrote it
  if (IPV4.test(host)) return host;
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return null;
  return host;
}

/** Whether a listed site covers a hostname: the same site or one of its subdomains. */
function siteMatches(site: string, hostname: string): boolean {
  return hostname === site || (hostname.endsWith(`.${site}`) && !site.startsWith('[') && !IPV4.test(site));
}

/**
 * Whether the site list lets Context Cards run on this hostname (or URL), ignoring the global
 * pause. Pages without a hostname (file:, about:blank) count as not listed.
 */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  const host = normalizeHostname(hostname);
  const listed = host !== null && settings.sites.some((site) => siteMatches(site, host));
  return settings.siteMode === 'off-sites' ? !listed : listed;
}

/** Whether Context Cards marks names on a page of this hostname (or URL). */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return !settings.paused && isSiteEnabled(settings, hostname);
}

/**
 * The settings with Context Cards switched on or off for one site (the popup's "On this site").
 * Switching a site off in 'only-sites' mode, or on in 'off-sites' mode, removes every entry that
 * covers it — a listed parent domain included. Returns the same object when the hostname names
 * no site or nothing changes.
 */
export function setSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const host = normalizeHostname(hostname);
  if (host === null || isSiteEnabled(settings, host) === enabled) return settings;
  const add = (settings.siteMode === 'only-sites') === enabled;
  const sites = add ? [...settings.sites, host].slice(-MAX_SITES) : settings.sites.filter((site) => !siteMatches(site, host));
  return { ...settings, sites };
}
