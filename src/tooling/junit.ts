/**
 * The content check as a JUnit XML report, the format GitLab shows in a merge request's test
 * summary: one failed test case per problem, named by its file and line, with the Chinese line
 * staff read in the job log as its message. A clean run is one passing case.
 */
import { formatProblem, summarize, type Problem } from './problems';

const escapeXml = (text: string) =>
	text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);
// XML 1.0 cannot carry most control characters even escaped; a problem quoting one shows U+FFFD.
const xmlText = (text: string) => escapeXml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd'));

export function junitReport(problems: readonly Problem[], seconds = 0): string {
	const cases = problems.length
		? problems.map((problem) => {
				const where = problem.line ? `${problem.path}:${problem.line}` : problem.path;
				const line = formatProblem(problem);
				return `<testcase classname="${xmlText(problem.path)}" name="${xmlText(`${where}  ${problem.field}`)}" file="${xmlText(problem.path)}"><failure message="${xmlText(line)}" type="内容问题">${xmlText(line)}</failure></testcase>`;
			})
		: [`<testcase classname="content" name="${xmlText(summarize(problems))}"/>`];
	const suite = `<testsuite name="内容检查（npm run check）" tests="${cases.length}" failures="${problems.length}" errors="0" time="${seconds.toFixed(3)}">`;
	return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', suite, ...cases, '</testsuite>', '</testsuites>', ''].join('\n');
}
