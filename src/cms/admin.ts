/**
 * /admin/: Sveltia CMS, bundled from its npm package, with the generated configuration, the
 * layout-keeping file formats and the backend given at build time.
 */
import './manual-init';
import './ui-locale';
import CMS from '@sveltia/cms';
import config from './config.json';
import siteStyles from '../styles/global.css?url';
import { readFile, writeFile, bodyKey, originalKey, type FileKind } from './file-format';
import { entryPreview } from './preview';

for (const collection of config.collections) {
	const kind: FileKind = collection.name === 'measures' || collection.name === 'achievements' ? 'mdx' : 'yaml';
	const fieldOrder = collection.fields.map((field) => field.name).filter((name) => name !== bodyKey && name !== originalKey);
	CMS.registerCustomFormat(collection.format, kind, {
		fromFile: (text: string) => readFile(text, kind),
		toFile: (values: Record<string, unknown>) => writeFile(values, { kind, fieldOrder, statusFromUpdates: collection.name === 'measures' }),
	});
}

// The preview pane shows an entry with the site's own stylesheet and entry-page markup.
CMS.registerPreviewStyle(siteStyles);
const preview = entryPreview((window as unknown as { h: Parameters<typeof entryPreview>[0] }).h);
for (const collection of ['measures', 'achievements']) CMS.registerPreviewTemplate(collection, preview as never);

const settings = JSON.parse(document.body.dataset['cms'] ?? '{}') as { backend?: Record<string, unknown> };
// Without a configured GitLab only the local folder works; sign-in would go to this site itself,
// never to another host.
const backend = settings.backend ?? { name: 'gitlab', repo: 'local/content', base_url: location.origin, api_root: `${location.origin}/api/v4` };
CMS.init({ config: { ...config, backend, ...(settings.backend ? { publish_mode: 'editorial_workflow' } : {}) } as never });
