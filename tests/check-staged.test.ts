// The pre-commit hook: simple-git-hooks installs it on `npm install` in a clone (and does nothing,
// successfully, where there is no .git), and the check it runs reads the staged content, so a
// commit with a broken staged file stops while an unstaged edit does not count.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidFixtures } from '../src/tooling/contributing';

const projectRoot = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'check-staged-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.test', ...args], { cwd, encoding: 'utf8' });
const node = (cwd: string, args: readonly string[], env: Record<string, string> = {}) =>
	spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, SKIP_INSTALL_SIMPLE_GIT_HOOKS: '', ...env } });
const hooksCli = join(projectRoot, 'node_modules/simple-git-hooks/cli.js');
const packageConfig = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'))['simple-git-hooks'] as Record<string, string>;

describe('installing the hook', () => {
	it('succeeds without doing anything outside a Git repository', () => {
		const dir = join(scratch, 'no-git');
		mkdirSync(dir);
		copyFileSync(join(projectRoot, 'package.json'), join(dir, 'package.json'));
		const { status, stdout } = node(dir, [hooksCli]);
		expect(status).toBe(0);
		expect(stdout).toContain('No `.git` root folder found');
	});

	it('writes the pre-commit hook in a clone that has no hooks folder yet', () => {
		const dir = join(scratch, 'clone');
		mkdirSync(dir);
		git(dir, 'init', '-q');
		rmSync(join(dir, '.git', 'hooks'), { recursive: true, force: true });
		copyFileSync(join(projectRoot, 'package.json'), join(dir, 'package.json'));
		expect(node(dir, [hooksCli]).status).toBe(0);
		expect(readFileSync(join(dir, '.git/hooks/pre-commit'), 'utf8')).toContain(packageConfig['pre-commit']);
	});
});

describe('the staged check', { timeout: 60_000 }, () => {
	const repo = join(scratch, 'repo');
	cpSync(join(projectRoot, invalidFixtures, '_base'), repo, { recursive: true });
	git(repo, 'init', '-q');
	git(repo, 'add', '.');
	git(repo, 'commit', '-q', '-m', 'base');
	const run = () => node(repo, [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), join(projectRoot, 'scripts/check-staged.ts')]);
	const [file, other] = git(repo, 'ls-files', 'content').split('\n').filter((path) => path.endsWith('.yaml')) as [string, string];

	it('passes at once when no content file is staged', () => {
		expect(existsSync(join(repo, file))).toBe(true);
		const { status, stderr } = run();
		expect(status, stderr).toBe(0);
	});

	it('checks the staged version, not a broken edit left unstaged', () => {
		appendFileSync(join(repo, other), '\n# 一条注释\n');
		git(repo, 'add', other);
		appendFileSync(join(repo, file), '\n未知字段: 1\n');
		const { status, stderr } = run();
		expect(status, stderr).toBe(0);
	});

	it('stops a commit whose staged file is broken, naming it in Chinese', () => {
		git(repo, 'add', file);
		const { status, stderr } = run();
		expect(status).toBe(1);
		expect(stderr).toContain(`${file}:`);
		expect(stderr).toContain('未知字段 未知字段');
		expect(stderr).toContain('提交没有完成');
	});
});
