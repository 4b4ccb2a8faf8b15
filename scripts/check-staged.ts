/**
 * The pre-commit hook (installed by simple-git-hooks on `npm install`): when a commit touches
 * content/, checks the content exactly as it will be committed — the staged version of every
 * file, not what happens to be in the editor — and stops the commit on any problem, with the
 * same Chinese lines as `npm run check`. Commits that do not touch content/ pass at once.
 * `git commit --no-verify` skips it; the merge request's check still runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem, summarize } from '../src/tooling/problems';
import { validateContent } from '../src/tooling/validate';

const git = (args: readonly string[], input?: string) => execFileSync('git', args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'inherit'] });

const staged = git(['diff', '--cached', '--name-only', '-z', '--', 'content/']).split('\0').filter(Boolean);
if (staged.length === 0) process.exit(0);

// The index's content/ in a folder of its own, so that the check reads what the commit holds.
const snapshot = mkdtempSync(join(tmpdir(), 'staged-content-'));
try {
	const files = git(['ls-files', '-z', '--', 'content/']);
	git(['checkout-index', '--stdin', '-z', `--prefix=${snapshot}/`], files);
	const problems = validateContent(join(snapshot, 'content'));
	for (const problem of problems) console.error(formatProblem(problem));
	if (problems.length) {
		console.error(`${summarize(problems)}\n提交没有完成：改好后再 git add 并提交。`);
		process.exitCode = 1;
	}
} finally {
	rmSync(snapshot, { recursive: true, force: true });
}
