// The edit links: the repository's web address from a Git remote in any of its forms, the edit
// path of each forge, and no link at all when the address, forge or branch is not known.
import { describe, expect, it } from 'vitest';
import { fileEditUrl, forgeOf, resolveRepository, webAddress, type Git } from '../src/lib/repository';

describe('webAddress', () => {
	it.each([
		['git@gitlab.example.gov.cn:fzb/rule-of-law.git', 'https://gitlab.example.gov.cn/fzb/rule-of-law'],
		['gitlab.example.gov.cn:fzb/rule-of-law', 'https://gitlab.example.gov.cn/fzb/rule-of-law'],
		['ssh://git@gitlab.example.gov.cn:2222/fzb/sub/rule-of-law.git', 'https://gitlab.example.gov.cn/fzb/sub/rule-of-law'],
		['git+ssh://git@git.example.test/a/b.git', 'https://git.example.test/a/b'],
		['https://gitlab.example.gov.cn/fzb/rule-of-law.git', 'https://gitlab.example.gov.cn/fzb/rule-of-law'],
		['https://gitlab-ci-token:secret@gitlab.example.gov.cn/fzb/rule-of-law.git', 'https://gitlab.example.gov.cn/fzb/rule-of-law'],
		['http://10.0.0.5:8080/fzb/rule-of-law/', 'http://10.0.0.5:8080/fzb/rule-of-law'],
		['git://git.example.test/a/b.git', 'https://git.example.test/a/b'],
		['  https://github.com/o/r  ', 'https://github.com/o/r'],
	])('%s → %s', (remote, address) => expect(webAddress(remote)).toBe(address));

	it.each(['/srv/git/rule-of-law.git', '../rule-of-law', 'C:\\repos\\r.git', 'file:///srv/git/r.git', 'https://host.example/', '', 'not a remote'])(
		'has none for %j',
		(remote) => expect(webAddress(remote)).toBeUndefined(),
	);
});

describe('forgeOf', () => {
	it('takes the forge a setting names, in any case', () => {
		expect(forgeOf('GitLab', 'https://code.example.test/a/b')).toBe('gitlab');
		expect(forgeOf('forgejo', 'https://github.com/a/b')).toBe('forgejo');
		expect(forgeOf('svn', 'https://github.com/a/b')).toBeUndefined();
	});

	it('else tells it from the host', () => {
		expect(forgeOf(undefined, 'https://github.com/a/b')).toBe('github');
		expect(forgeOf(undefined, 'https://gitlab.example.gov.cn/a/b')).toBe('gitlab');
		expect(forgeOf(undefined, 'https://gitea.example.test/a/b')).toBe('gitea');
		expect(forgeOf(undefined, 'https://codeberg.org/a/b')).toBe('forgejo');
		expect(forgeOf('', 'https://code.example.test/a/b')).toBeUndefined();
		expect(forgeOf(undefined, 'https://mygitlabmirror.example.test/a/b')).toBeUndefined();
	});
});

describe('fileEditUrl', () => {
	const path = 'content/measures/2024/x.mdx';
	it.each([
		['gitlab', 'https://g.example.test/a/b/-/edit/main/content/measures/2024/x.mdx'],
		['gitea', 'https://g.example.test/a/b/_edit/main/content/measures/2024/x.mdx'],
		['forgejo', 'https://g.example.test/a/b/_edit/main/content/measures/2024/x.mdx'],
		['github', 'https://g.example.test/a/b/edit/main/content/measures/2024/x.mdx'],
	] as const)('follows %s', (forge, expected) => {
		expect(fileEditUrl({ url: 'https://g.example.test/a/b', forge, branch: 'main' }, path)).toBe(expected);
	});

	it('encodes the branch and path but keeps their slashes', () => {
		expect(fileEditUrl({ url: 'https://g.example.test/a/b', forge: 'gitlab', branch: 'release/2025' }, './content/新 文件.mdx')).toBe(
			'https://g.example.test/a/b/-/edit/release/2025/content/%E6%96%B0%20%E6%96%87%E4%BB%B6.mdx',
		);
	});

	it('has none without a repository, a forge or a branch', () => {
		expect(fileEditUrl(undefined, path)).toBeUndefined();
		expect(fileEditUrl({ url: 'https://g.example.test/a/b', forge: undefined, branch: 'main' }, path)).toBeUndefined();
		expect(fileEditUrl({ url: 'https://g.example.test/a/b', forge: 'gitlab', branch: undefined }, path)).toBeUndefined();
	});
});

describe('resolveRepository', () => {
	/** A git that answers from a table, and records what it was asked. */
	const fakeGit = (answers: Record<string, string>) => {
		const asked: string[] = [];
		const git: Git = (args) => {
			asked.push(args.join(' '));
			return answers[args.join(' ')];
		};
		return { git, asked };
	};

	it('prefers PUBLIC_REPOSITORY_URL and does not ask git for the remote', () => {
		const { git, asked } = fakeGit({ 'remote get-url origin': 'git@github.com:o/r.git' });
		expect(resolveRepository({ PUBLIC_REPOSITORY_URL: 'https://gitlab.example.gov.cn/fzb/r', PUBLIC_REPOSITORY_BRANCH: 'master' }, git)).toEqual({
			url: 'https://gitlab.example.gov.cn/fzb/r',
			forge: 'gitlab',
			branch: 'master',
		});
		expect(asked).not.toContain('remote get-url origin');
	});

	it('else reads origin, its default branch and the forge setting', () => {
		const { git } = fakeGit({ 'remote get-url origin': 'git@code.example.gov.cn:fzb/r.git', 'symbolic-ref --short refs/remotes/origin/HEAD': 'origin/main' });
		expect(resolveRepository({ PUBLIC_REPOSITORY_FORGE: 'gitea' }, git)).toEqual({ url: 'https://code.example.gov.cn/fzb/r', forge: 'gitea', branch: 'main' });
	});

	it('takes GitLab CI’s default branch', () => {
		const { git } = fakeGit({ 'remote get-url origin': 'https://gitlab-ci-token:x@gitlab.example.gov.cn/fzb/r.git' });
		expect(resolveRepository({ CI_DEFAULT_BRANCH: 'trunk' }, git)).toEqual({ url: 'https://gitlab.example.gov.cn/fzb/r', forge: 'gitlab', branch: 'trunk' });
	});

	it('has none with neither setting nor remote', () => {
		expect(resolveRepository({}, fakeGit({}).git)).toBeUndefined();
		expect(resolveRepository({}, fakeGit({ 'remote get-url origin': '/srv/git/r.git' }).git)).toBeUndefined();
	});
});
