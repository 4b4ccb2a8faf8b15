/**
 * Where the CMS saves: the bureau's own GitLab, from configuration at build time. Nothing here
 * names an address; without configuration /admin/ edits a folder on the staff member's own machine
 * only (`npm run edit`), and a half-given configuration fails the build, saying what is missing.
 */

/** The build-time settings, by environment variable. */
export const backendVariables = {
	repo: 'CMS_GITLAB_REPO',
	baseUrl: 'CMS_GITLAB_URL',
	apiRoot: 'CMS_GITLAB_API_ROOT',
	appId: 'CMS_GITLAB_APP_ID',
	branch: 'CMS_GITLAB_BRANCH',
} as const;

export interface GitLabBackend {
	name: 'gitlab';
	repo: string;
	base_url: string;
	api_root: string;
	auth_type: 'pkce';
	app_id: string;
	branch?: string;
}

export class BackendConfigError extends Error {}

const origin = (value: string, variable: string) => {
	try {
		const url = new URL(value);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
		return url.origin;
	} catch {
		throw new BackendConfigError(`${variable} 须是 http:// 或 https:// 开头的网址，现在是 ${JSON.stringify(value)}。`);
	}
};

/** The GitLab backend, or `undefined` when none is configured (offline editing only). */
export function gitLabBackend(env: Record<string, string | undefined>): GitLabBackend | undefined {
	const get = (key: keyof typeof backendVariables) => env[backendVariables[key]]?.trim() || undefined;
	const given = (Object.keys(backendVariables) as (keyof typeof backendVariables)[]).filter((key) => get(key));
	if (!given.length) return undefined;
	const required = ['repo', 'baseUrl', 'appId'] as const;
	const missing = required.filter((key) => !get(key));
	if (missing.length) {
		throw new BackendConfigError(
			`网页编辑（/admin/）的 GitLab 设置不完整：缺少 ${missing.map((key) => backendVariables[key]).join('、')}。要么全部设置 ${required.map((key) => backendVariables[key]).join('、')}，要么都不设置（只能在本机编辑）。`,
		);
	}
	const baseUrl = get('baseUrl')!.replace(/\/+$/, '');
	origin(baseUrl, backendVariables.baseUrl);
	// GitLab's REST API lives at /api/v4 of the instance unless a proxy puts it elsewhere.
	const apiRoot = (get('apiRoot') ?? `${baseUrl}/api/v4`).replace(/\/+$/, '');
	origin(apiRoot, backendVariables.apiRoot);
	const branch = get('branch');
	return { name: 'gitlab', repo: get('repo')!, base_url: baseUrl, api_root: apiRoot, auth_type: 'pkce', app_id: get('appId')!, ...(branch ? { branch } : {}) };
}

/** The hosts the CMS page may connect to besides its own: the GitLab instance and its API. */
export const backendOrigins = (backend: GitLabBackend | undefined) => (backend ? [...new Set([new URL(backend.base_url).origin, new URL(backend.api_root).origin])] : []);
