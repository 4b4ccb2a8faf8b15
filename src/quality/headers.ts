/**
 * The HTTP headers every response of the site carries, stated once: the `_headers` file, the
 * preview server (scripts/preview.ts) and the nginx tests read them here; deploy/nginx.conf
 * writes the same values out, and tests/nginx.test.ts checks that nginx sends exactly these.
 */
import { cspHeader } from './csp';

export const securityHeaders = {
	'Content-Security-Policy': cspHeader,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

/** Files under _astro/ carry a hash of their content in their name: they never change. */
export const isHashedAsset = (path: string) => /\/_astro\//.test(path);

/** How long a browser may keep a response: a year for hashed files, else ask the server each time. */
export const cacheControl = (path: string) => (isHashedAsset(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
