/**
 * Where the content's Git repository is browsed and edited, for the "edit this file" links. No
 * address is assumed: it comes from PUBLIC_REPOSITORY_URL, else from the checkout's own
 * `origin` remote turned into its web address. The edit path depends on the forge, named by
 * PUBLIC_REPOSITORY_FORGE or told by the host; when neither is known there is no edit link.
 * Pure functions: astro.config.mjs runs git and hands the result to the site.
 */

/** The forges whose web editor the site links to, with the path of a file's edit page. */
export const forges = {
	gitlab: (branch: string, path: string) => `/-/edit/${branch}/${path}`,
	gitea: (branch: string, path: string) => `/_edit/${branch}/${path}`,
	forgejo: (branch: string, path: string) => `/_edit/${branch}/${path}`,
	github: (branch: string, path: string) => `/edit/${branch}/${path}`,
} as const satisfies Record<string, (branch: string, path: string) => string>;

export type Forge = keyof typeof forges;

export interface Repository {
	/** The repository's web address, without a trailing slash. */
	url: string;
	/** The forge, when known: without it the site links to the repository but not to an edit page. */
	forge: Forge | undefined;
	/** The branch staff edit, when known: without it there is no edit link either. */
	branch: string | undefined;
}

const isForge = (name: string): name is Forge => Object.hasOwn(forges, name);

/**
 * The web address of a Git remote: `git@host:group/repo.git`, `ssh://git@host:2222/group/repo.git`
 * and `https://user:token@host/group/repo.git` all become `https://host/group/repo`. Credentials
 * and an SSH port never reach the page. Undefined for a local path or anything else unknown.
 */
export function webAddress(remote: string): string | undefined {
	const written = remote.trim();
	const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)([^\s]+)$/.exec(written);
	let host: string;
	let path: string;
	let scheme = 'https';
	if (scp && !/^[a-z]:[\\/]/i.test(written)) {
		[, host = '', path = ''] = scp;
	} else {
		let parsed: URL;
		try {
			parsed = new URL(written);
		} catch {
			return undefined;
		}
		if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol) || !parsed.hostname) return undefined;
		host = parsed.hostname;
		// A web remote keeps its port and scheme (a forge on http://host:8080); an SSH port is not the web's.
		if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
			host = parsed.host;
			scheme = parsed.protocol.slice(0, -1);
		}
		path = parsed.pathname;
	}
	const clean = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
	if (!host || !clean) return undefined;
	return `${scheme}://${host}/${clean}`;
}

/** The forge a setting names (`GitLab`, `forgejo`) or, failing that, the one its host tells. */
export function forgeOf(setting: string | undefined, address: string): Forge | undefined {
	const named = setting?.trim().toLowerCase();
	if (named) return isForge(named) ? named : undefined;
	let host: string;
	try {
		host = new URL(address).hostname.toLowerCase();
	} catch {
		return undefined;
	}
	if (host === 'github.com') return 'github';
	if (host === 'codeberg.org') return 'forgejo';
	const label = host.split('.').find((part) => /^(?:gitlab|gitea|forgejo)$/.test(part));
	return label && isForge(label) ? label : undefined;
}

/** The settings the repository is read from, as in `process.env`. */
export interface RepositorySettings {
	PUBLIC_REPOSITORY_URL?: string | undefined;
	PUBLIC_REPOSITORY_FORGE?: string | undefined;
	PUBLIC_REPOSITORY_BRANCH?: string | undefined;
	/** GitLab CI's name for the default branch. */
	CI_DEFAULT_BRANCH?: string | undefined;
}

/** Runs `git` with these arguments; its trimmed output, or undefined when it fails. */
export type Git = (args: readonly string[]) => string | undefined;

/** The repository from the settings, else from `origin`; undefined when no address is known. */
export function resolveRepository(settings: RepositorySettings, git: Git): Repository | undefined {
	const configured = settings.PUBLIC_REPOSITORY_URL?.trim();
	const origin = configured ? undefined : git(['remote', 'get-url', 'origin']);
	const url = configured ? webAddress(configured) : origin ? webAddress(origin) : undefined;
	if (!url) return undefined;
	const remoteHead = git(['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])?.replace(/^origin\//, '');
	const branch = settings.PUBLIC_REPOSITORY_BRANCH?.trim() || settings.CI_DEFAULT_BRANCH?.trim() || remoteHead || undefined;
	return { url, forge: forgeOf(settings.PUBLIC_REPOSITORY_FORGE, url), branch };
}

/** The edit page of a file (path from the repository root), or undefined when the forge or branch is unknown. */
export function fileEditUrl(repository: Repository | undefined, filePath: string): string | undefined {
	if (!repository?.forge || !repository.branch) return undefined;
	const path = filePath.replace(/^\.?\//, '').split('/').map(encodeURIComponent).join('/');
	return repository.url + forges[repository.forge](encodeURIComponent(repository.branch).replaceAll('%2F', '/'), path);
}
