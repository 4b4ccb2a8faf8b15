// The merge-request pipeline of .gitlab-ci.yml, run by gitlab-ci-local in shell mode: its check
// job passes the real content, and on a broken file fails with the Chinese line in the job log
// and the same line as a failed case of the JUnit report GitLab shows in the merge request. Only
// the check job runs here, on the installed node_modules; `npm run ci:local` runs the whole
// pipeline from a clean install (README, "GitLab").
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidCases, invalidFixtures } from '../src/tooling/contributing';

const projectRoot = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'gitlab-ci-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function checkJob(variables: Record<string, string>) {
	const args = ['--force-shell-executor', '--no-color', '--variable', 'CI_PIPELINE_SOURCE=merge_request_event', '--ignore-predefined-vars', 'CI_PIPELINE_SOURCE'];
	for (const [name, value] of Object.entries({ REUSE_NODE_MODULES: 'true', ...variables })) args.push('--variable', `${name}=${value}`);
	const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/gitlab-ci-local/dist/index.js'), ...args, 'check'], {
		cwd: projectRoot,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0' },
	});
	return { status: result.status, log: `${result.stdout}\n${result.stderr}`, report: () => readFileSync(join(projectRoot, 'reports/content-check.xml'), 'utf8') };
}

describe('.gitlab-ci.yml in gitlab-ci-local', { timeout: 120_000 }, () => {
	it('lists the check and test jobs for a merge request, and no publishing', () => {
		const result = spawnSync(process.execPath, ['node_modules/gitlab-ci-local/dist/index.js', '--list', '--variable', 'CI_PIPELINE_SOURCE=merge_request_event', '--ignore-predefined-vars', 'CI_PIPELINE_SOURCE'], {
			cwd: projectRoot,
			encoding: 'utf8',
		});
		const jobs = result.stdout.split('\n').slice(1).map((line) => line.split(/\s+/)[0]).filter(Boolean);
		expect(jobs).toEqual(['check', 'test']);
	});

	it('passes the real content', () => {
		const { status, log, report } = checkJob({});
		expect(status, log).toBe(0);
		expect(log).toContain('内容检查通过：没有发现问题。');
		expect(report()).toContain('failures="0"');
	});

	it('fails on a broken file, with its Chinese line in the log and in the JUnit report', () => {
		const fixtures = join(projectRoot, invalidFixtures);
		const broken = invalidCases(projectRoot).find((c) => c.name === 'unknown-owner')!;
		const root = join(scratch, 'broken');
		cpSync(join(fixtures, '_base'), root, { recursive: true });
		cpSync(join(fixtures, broken.name, 'content'), join(root, 'content'), { recursive: true });
		const { status, log, report } = checkJob({ CONTENT_DIR: join(root, 'content') });
		expect(status, log).not.toBe(0);
		const [line] = broken.expected;
		expect(log).toContain(`check > ${line}`);
		expect(log).toContain('FAIL  check');
		const xml = report();
		expect(xml).toContain('failures="1"');
		expect(xml).toContain(`name="${line!.split('  ').slice(0, 2).join('  ')}"`);
	});
});
