/**
 * The Content-Security-Policy of /admin/ alone; public pages keep theirs (src/quality/csp.ts).
 * As strict as the CMS allows: its code and fonts are files of this site, no 'unsafe-eval'. The
 * exceptions: Svelte sets style attributes and <style> elements at run time ('unsafe-inline' for
 * styles only), images being uploaded and the preview pane are blob: and data: URLs, and the CMS talks to
 * the configured GitLab and nothing else.
 */
import { serialize } from '../quality/csp';
import { backendOrigins, type GitLabBackend } from './backend';

export function adminCspDirectives(backend: GitLabBackend | undefined) {
	return {
		'default-src': ["'self'"],
		'script-src': ["'self'"],
		'style-src': ["'self'", "'unsafe-inline'"],
		'img-src': ["'self'", 'data:', 'blob:'],
		'font-src': ["'self'"],
		'connect-src': ["'self'", 'data:', 'blob:', ...backendOrigins(backend)],
		'worker-src': ["'self'", 'blob:'],
		// The preview pane is a frame the CMS writes from a blob: URL.
		'frame-src': ["'self'", 'blob:'],
		'object-src': ["'none'"],
		'base-uri': ["'self'"],
		'form-action': ["'self'"],
	} satisfies Record<string, string[]>;
}

export const adminCsp = (backend: GitLabBackend | undefined) => serialize(adminCspDirectives(backend));

/** The policy as an HTTP header: the same, plus who may frame the page (a <meta> cannot say). */
export const adminCspHeader = (backend: GitLabBackend | undefined) => serialize({ ...adminCspDirectives(backend), 'frame-ancestors': ["'none'"] });
