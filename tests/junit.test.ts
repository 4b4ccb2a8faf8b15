// The content check's JUnit report: well-formed whatever a problem quotes, one case per problem.
import { describe, expect, it } from 'vitest';
import { junitReport } from '../src/tooling/junit';

describe('junitReport', () => {
	it('is one passing case when there is no problem', () => {
		const xml = junitReport([]);
		expect(xml).toContain('tests="1" failures="0"');
		expect(xml).toContain('<testcase classname="content" name="内容检查通过：没有发现问题。"/>');
	});

	it('escapes what a problem quotes and drops characters XML cannot hold', () => {
		const xml = junitReport([{ path: 'content/a "b".mdx', line: 3, field: '正文', message: '有 <script> & \u0007', allowed: '删去' }]);
		expect(xml).toContain('classname="content/a &quot;b&quot;.mdx" name="content/a &quot;b&quot;.mdx:3  正文"');
		expect(xml).toContain('<failure message="content/a &quot;b&quot;.mdx:3  正文  有 &lt;script&gt; &amp; \ufffd（删去）" type="内容问题">');
		expect(xml).not.toMatch(/[\u0000-\u0008]/);
	});
});
