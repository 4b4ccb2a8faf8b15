// The CMS configuration is generated from the schemas: the committed copy /admin/ loads is what
// the code gives now, every schema field is in the form with its Chinese label, and the GitLab
// settings come from configuration only.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackendConfigError, gitLabBackend } from '../src/cms/backend';
import { bodyLabel, cmsConfig, committedCmsConfig, serializeCmsConfig } from '../src/cms/config';
import { adminCsp } from '../src/cms/csp';
import { editStepsMarkdown } from '../src/cms/edit-steps';
import { measureStatuses } from '../src/vocabulary';
import { fieldDocs } from '../src/tooling/field-docs';
import { collectionNames } from '../src/tooling/file-schemas';
import { jsonSchemaOf } from '../src/tooling/json-schema';

type Field = { name: string; label?: string; widget?: string; fields?: Field[]; collection?: string; multiple?: boolean; options?: { label: string; value: string }[] };
const collections = cmsConfig().collections as unknown as { name: string; fields: Field[] }[];
const fieldsOf = (name: string) => collections.find((c) => c.name === name)!.fields;
const field = (name: string, path: string) => path.split('.').reduce<Field | undefined>((node, key) => (node ? (node.fields ?? fieldsOf(name)).find((f) => f.name === key) : fieldsOf(name).find((f) => f.name === key)), undefined);

describe('CMS configuration', () => {
	it('the committed copy is what the schemas give now (regenerate: npm run cms:config)', () => {
		expect(readFileSync(join(import.meta.dirname, '..', committedCmsConfig), 'utf8')).toBe(serializeCmsConfig());
	});

	it.each(collectionNames)('%s: every top-level schema field is in the form, labelled in Chinese', (collection) => {
		const names = fieldsOf(collection).map((f) => f.name);
		for (const key of Object.keys(jsonSchemaOf(collection).properties ?? {})) {
			expect(names, key).toContain(key);
			expect(field(collection, key)?.label).toBe(fieldDocs[collection][key]?.label);
		}
	});

	it('links are relation widgets to the right collection', () => {
		expect(field('measures', 'owner')).toMatchObject({ widget: 'relation', collection: 'owners' });
		expect(field('measures', 'partners')).toMatchObject({ widget: 'relation', collection: 'owners', multiple: true });
		expect(field('measures', 'section')).toMatchObject({ widget: 'relation', collection: 'sections' });
		expect(field('measures', 'continues')).toMatchObject({ widget: 'relation', collection: 'achievements', multiple: true });
		expect(field('achievements', 'reportsOn')).toMatchObject({ widget: 'relation', collection: 'measures', multiple: true });
	});

	it('statuses are selects with their Chinese labels; updates carry date, status, note and source', () => {
		const labels = Object.entries(measureStatuses).map(([value, label]) => ({ value, label }));
		expect(field('measures', 'status')?.options).toEqual(labels);
		expect(field('measures', 'updates')?.fields?.map((f) => f.name)).toEqual(['date', 'status', 'note', 'source']);
		expect(field('measures', 'updates.source')?.fields?.map((f) => f.name)).toEqual(['report', 'paragraph', 'url', 'title']);
		expect(field('measures', 'actions.status')?.options).toEqual(labels);
		expect(field('measures', 'body')).toMatchObject({ widget: 'text', label: bodyLabel });
	});
});

describe('GitLab backend and CSP of /admin/', () => {
	it('is left out when nothing is configured, and the CSP then allows this origin only', () => {
		expect(gitLabBackend({})).toBeUndefined();
		expect(adminCsp(undefined)).not.toContain('unsafe-eval');
		expect(adminCsp(undefined)).toContain("connect-src 'self' data: blob:;");
	});

	it('fails in Chinese, naming what is missing, when half configured', () => {
		expect(() => gitLabBackend({ CMS_GITLAB_REPO: 'group/site' })).toThrow(BackendConfigError);
		expect(() => gitLabBackend({ CMS_GITLAB_REPO: 'group/site' })).toThrow('缺少 CMS_GITLAB_URL、CMS_GITLAB_APP_ID');
		expect(() => gitLabBackend({ CMS_GITLAB_REPO: 'g/s', CMS_GITLAB_URL: 'gitlab', CMS_GITLAB_APP_ID: 'x' })).toThrow('CMS_GITLAB_URL 须是');
	});

	it('uses the configured instance, its API and PKCE, and lets the CSP reach them', () => {
		const backend = gitLabBackend({ CMS_GITLAB_REPO: 'g/s', CMS_GITLAB_URL: 'https://git.test/', CMS_GITLAB_APP_ID: 'abc' });
		expect(backend).toEqual({ name: 'gitlab', repo: 'g/s', base_url: 'https://git.test', api_root: 'https://git.test/api/v4', auth_type: 'pkce', app_id: 'abc' });
		expect(adminCsp(backend)).toContain("connect-src 'self' data: blob: https://git.test;");
	});
});

describe('CONTRIBUTING.md 方式三', () => {
	const guide = readFileSync(join(import.meta.dirname, '..', 'CONTRIBUTING.md'), 'utf8');
	it('lists the steps npm run edit prints', () => {
		expect(guide).toContain(`<!-- cms:edit-steps -->\n${editStepsMarkdown()}\n<!-- /cms:edit-steps -->`);
	});
	it('shows screenshots the browser tests made', () => {
		for (const image of ['cms-list.png', 'cms-editor.png', 'cms-body.png', 'cms-saved.png']) {
			expect(guide).toContain(`(docs/images/${image})`);
			expect(existsSync(join(import.meta.dirname, '..', 'docs', 'images', image)), image).toBe(true);
		}
	});
});
